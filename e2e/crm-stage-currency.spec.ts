import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-4 leftovers: the administrator edits a stage's default probability on the settings
// page (a bad value is refused with a translated message), and the board shows the new
// one; a rep makes an opportunity in US dollars and reads its amounts as US$.

const ALLOWED = /Excel|OP\d{6}|CU\d{6}|P-\d{4}|DWG-[A-Z0-9-]+|SUS304|USD|CNY|EUR|US\$|PRECISION|IP\d\d|CCC|[A-C]\b/g;
const shoot = (page: Page, name: string) => shootReadable(page, name, ALLOWED);

test.describe.configure({ mode: "serial" });

test("the administrator changes the negotiation stage's default probability and sees it saved and on the board", async ({ browser }) => {
  const admin = await employeePage(browser, "admin");
  await admin.goto("/crm/opportunities/board");
  await admin.getByTestId("board-stage-settings").click();
  await admin.waitForURL(/\/crm\/opportunities\/stages$/);
  await expect(admin.locator("h1")).toHaveText(zh("opportunities.stageSettings.title"));
  const row = admin.locator('[data-testid="stage-setting"][data-stage="negotiation"]');
  await expect(row.getByTestId("stage-probability-input")).toHaveValue("80");
  // Won and lost are fixed: shown, not editable.
  await expect(admin.locator('[data-testid="stage-setting"][data-stage="won"]').getByTestId("stage-probability")).toHaveText("100");
  await expect(admin.locator('[data-testid="stage-setting"][data-stage="won"]').locator("input")).toHaveCount(0);

  await row.getByTestId("stage-probability-input").fill("120");
  await row.getByTestId("stage-save").click();
  await expect(row).toContainText(zh("validation.probability_range"));
  await row.getByTestId("stage-probability-input").fill("85");
  await row.getByTestId("stage-save").click();
  await expect(row.getByTestId("stage-saved")).toHaveText(zh("opportunities.stageSettings.saved"));
  await admin.reload();
  await expect(admin.locator('[data-testid="stage-setting"][data-stage="negotiation"]').getByTestId("stage-probability-input")).toHaveValue("85");
  await shoot(admin, "crm-opportunity-stage-settings");

  await admin.goto("/crm/opportunities/board");
  await expect(admin.getByTestId("board-column-negotiation").locator("header")).toContainText("85%");
  await admin.context().close();
});

test("a rep creates an opportunity in US dollars and reads its amounts as US$", async ({ browser }) => {
  const majun = await employeePage(browser, "majun");
  await majun.goto("/crm/opportunities/new");
  const form = majun.getByTestId("new-opportunity-form");
  const customer = form.getByTestId("opportunity-customer").locator("option", { hasText: "东莞市长盈精密技术有限公司" });
  await form.getByTestId("opportunity-customer").selectOption((await customer.getAttribute("value"))!);
  await form.getByTestId("opportunity-name").fill("长盈精密 海外工厂法兰");
  await form.getByTestId("opportunity-currency").selectOption({ label: "美元（USD）" });
  await form.getByTestId("opportunity-create").click();
  await majun.waitForURL(/\/crm\/opportunities\/[0-9a-f-]{36}$/);
  const code = (await majun.getByTestId("opportunity-code").innerText()).trim();

  // No lines yet: the line editor is open.
  const editor = majun.getByTestId("line-editor");
  await editor.getByTestId("library-search").fill("法兰");
  await editor.getByTestId("library-search-submit").click();
  await editor.getByTestId("library-result").filter({ hasText: "P-4002" }).getByTestId("library-add").click();
  const added = editor.getByTestId("line-edit").last();
  await added.getByTestId("line-quantity").fill("200");
  await added.getByTestId("line-price").fill("12.5");
  await expect(added.getByTestId("line-amount-preview")).toHaveText("US$2,500.00");
  await editor.getByTestId("lines-save").click();
  await expect(editor.getByRole("status")).toHaveText(zh("opportunities.lines.saved"));
  await expect(majun.getByTestId("opportunity-amount")).toHaveText("US$2,500.00");
  await expect(majun.getByTestId("opportunity-total-amount")).toHaveText("US$2,500.00");
  await shoot(majun, "crm-opportunity-usd");

  await majun.goto("/crm/opportunities");
  await expect(majun.getByTestId("opportunity-row").filter({ hasText: code })).toContainText("US$2,500.00");
  await majun.goto("/crm/opportunities/board?view=mine");
  await expect(majun.getByTestId("board-column-qualify").locator("header")).toContainText("US$2,500.00");
  await majun.context().close();
});
