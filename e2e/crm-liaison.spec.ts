import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-7 and CRM-8: a rep raises a product requirement from the seeded opportunity OP800001
// (customer code from the opportunity, parameters linked from the library, an extra one, a
// drawing), sends it for review, and starts a liaison form across design (due on a past
// date: overdue from the start) and production (3 working days). The design head allocates
// on the form's page and answers in the inbox; production opens after it; the report shows
// the design stage red with its words (each page shot at desktop and phone width).

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
// Codes the pages show as they are: requirement, form, opportunity, product and drawing numbers, materials.
const shoot = (page: Page, name: string) => shootReadable(page, name, /RQ\d+|LF\d+|OP\d+|CU\d+|P-\d{4}|HV-2026-018|QT500-7|mm|\.pdf|DWG-\d+|Office/g);
const TITLE = "液压阀体加长型打样";

/** The server's job worker runs the flow's service steps a moment later: reload until they show. */
async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

test("requirement -> liaison form across design and production, the overdue stage red in the report", async ({ browser }) => {
  // Three people, two flows' service steps run by the job worker in between: longer than one page's journey.
  test.setTimeout(300_000);
  const rep = await employeePage(browser, "gaoyan");
  await rep.goto("/crm/requirements");
  await expect(rep.locator("h1")).toHaveText(zh("requirements.list.title"));
  await rep.getByTestId("requirement-new").click();
  const form = rep.getByTestId("requirement-form");
  await form.getByTestId("requirement-opportunity").selectOption({ label: "OP800001 恒立液压阀体年度项目" });
  await expect(form.getByTestId("requirement-customer-code")).toContainText("江苏恒立液压股份有限公司");
  await form.locator("#rq-title").fill(TITLE);
  await form.locator("#rq-category").selectOption({ label: "精密零件" });
  await form.locator("#rq-product").selectOption({ label: "P-4003 液压阀体" });
  await expect(form.getByTestId("linked-params")).toContainText("QT500-7");
  await expect(form.getByTestId("linked-params")).toContainText(zh("requirements.params.linked"));
  await form.getByTestId("add-param").click();
  await form.getByPlaceholder(zh("requirements.form.paramName")).fill("长度");
  await form.getByPlaceholder(zh("requirements.form.paramValue")).fill("320 mm");
  await form.locator("#rq-quantity").fill("800");
  await form.getByTestId("requirement-submit").click();
  await rep.waitForURL(/\/crm\/requirements\/[0-9a-f-]{36}$/);
  await expect(rep.locator("h1")).toContainText(TITLE);
  await expect(rep.getByTestId("requirement-customer")).toContainText(/CU\d{6} 江苏恒立液压股份有限公司/);
  await expect(rep.getByTestId("extra-params-view")).toContainText("320 mm");
  await rep.getByTestId("requirement-drawings").getByTestId("file-input").setInputFiles({ name: "阀体图纸 DWG-0815.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(rep.getByTestId("requirement-drawings").getByTestId("file")).toContainText("阀体图纸");
  await rep.getByTestId("start-requirement-review").click();
  await expect(rep.getByTestId("requirement-status")).toHaveText(zh("requirements.status.reviewing"));
  await shoot(rep, "crm-requirement");

  // The library finds it by text.
  await rep.goto("/crm/requirements");
  await rep.getByTestId("requirement-search").fill("加长");
  await rep.getByTestId("requirement-search").press("Enter");
  await rep.waitForURL(/q=/);
  await expect(rep.getByTestId("requirement-row")).toHaveCount(1);
  await shoot(rep, "crm-requirement-library");
  await rep.getByTestId("requirement-row").getByRole("link").click();

  // The liaison form: design (a past date: overdue at once), then production in 3 working days.
  await rep.getByTestId("liaison-new").click();
  const lf = rep.getByTestId("liaison-form");
  await lf.locator("#lf-title").fill("阀体打样联络单");
  const rows = lf.getByTestId("stage-row");
  await rows.nth(0).getByTestId("stage-department").selectOption({ label: "设计部（负责人 吴敏）" });
  await rows.nth(0).getByTestId("stage-task").fill("出加长型 2D 图纸");
  await rows.nth(0).getByTestId("stage-deadline-mode").selectOption("date");
  await rows.nth(0).getByTestId("stage-date").fill("2026-01-05");
  await lf.getByTestId("add-stage").click();
  await rows.nth(1).locator("input").first().fill("2");
  await rows.nth(1).getByTestId("stage-department").selectOption({ label: "生产部（负责人 郑浩）" });
  await rows.nth(1).getByTestId("stage-task").fill("评估产能并排产");
  await rows.nth(1).getByTestId("stage-days").fill("3");
  await lf.getByTestId("liaison-submit").click();
  await rep.waitForURL(/\/crm\/liaison\/[0-9a-f-]{36}$/);
  const formUrl = rep.url();
  const stages = rep.getByTestId("liaison-stage");
  await expect(stages).toHaveCount(2);
  await expect(stages.nth(0).getByTestId("due")).toHaveText(zh("liaison.due.overdue"));
  await expect(stages.nth(1)).toContainText(zh("liaison.detail.notYet"));
  await shoot(rep, "crm-liaison-form");
  await rep.context().close();

  // The design head allocates (to himself) and records the result in the inbox.
  const design = await employeePage(browser, "wumin");
  await design.goto(formUrl);
  await design.getByTestId("allocate-form").getByTestId("allocate-submit").click();
  await reloadUntil(design, async () => expect(design.getByTestId("stage-open-task")).toBeVisible({ timeout: 1000 }));
  await design.getByTestId("stage-open-task").click();
  await design.getByTestId("field-result").locator("textarea").fill("图纸已出，图号 DWG-2201");
  await design.getByTestId("task-complete").click();
  await expect(design.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));
  await design.goto(formUrl);
  await reloadUntil(design, async () => expect(design.getByTestId("liaison-stage").nth(1)).toContainText("郑浩", { timeout: 1000 }));
  await expect(design.getByTestId("liaison-stage").nth(0)).toContainText("DWG-2201");
  await design.context().close();

  // Production's head allocates from the inbox task: a picker of his department's people (himself first), not a typed name.
  const production = await employeePage(browser, "zhenghao");
  await production.goto(formUrl);
  await production.getByTestId("liaison-stage").nth(1).getByTestId("stage-open-task").click();
  await production.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
  const picker = production.getByTestId("field-assigneeId").locator("select");
  await expect(picker.locator("option").nth(1)).toHaveText(/^郑浩 · 生产部/);
  await expect(picker.locator("option", { hasText: "吴敏" })).toHaveCount(0);
  await picker.selectOption({ index: 1 });
  await shoot(production, "crm-liaison-allocate-task");
  await production.getByTestId("task-complete").click();
  await expect(production.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));
  await production.goto(formUrl);
  await reloadUntil(production, async () => expect(production.getByTestId("liaison-stage").nth(1)).toContainText("郑浩", { timeout: 1000 }));
  await expect(production.getByTestId("liaison-stage").nth(1).getByTestId("stage-open-task")).toBeVisible();
  // The report shows design red (finished late), production open.
  await production.goto("/crm/liaison/report");
  await production.getByTestId("report-opportunity").selectOption({ label: "OP800001 恒立液压阀体年度项目" });
  await production.getByRole("button", { name: zh("liaison.report.filter") }).click();
  await production.waitForURL(/opportunity=/);
  const red = production.getByTestId("report-stage").filter({ hasText: "出加长型 2D 图纸" });
  await expect(red).toHaveAttribute("data-due", "overdue");
  await expect(red.getByTestId("due")).toContainText(zh("liaison.due.overdue"));
  await expect(red).toHaveClass(/bg-red-50/);
  const open = production.getByTestId("report-stage").filter({ hasText: "评估产能并排产" });
  await expect(open.getByTestId("due")).not.toHaveText(zh("liaison.due.overdue"));
  await expect(production.getByTestId("load-people")).toContainText("郑浩");
  await shoot(production, "crm-liaison-report");
  await production.context().close();
});
