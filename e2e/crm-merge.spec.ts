import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-2: majun enters one company twice (the second time over the duplicate warning) and
// logs a call on the second entry; his sales lead heqiang finds both, previews the merge,
// takes the other entry's level instead of the proposed one, merges, and lands on the
// customer kept, which now shows the moved contact log and contact; the merged entry's
// old address leads there too. heqiang and majun: sessions no other journey revokes.

const KEEP = "深圳华森精密模具有限公司";
const OTHER = "华森精密模具（深圳）";
const CREDIT = "91440300MA5HUA8K1R";
const shoot = (page: Page, name: string) => shootReadable(page, name, /CU\d{6}|[0-9A-Z]{18}|\d{11}|\b[A-C]\b/g);

async function enterCustomer(page: Page, fields: Record<string, string>, reason?: string) {
  await page.goto("/crm/customers/new");
  for (const [id, value] of Object.entries(fields)) {
    if (id === "level") await page.locator("#cu-level").selectOption(value);
    else await page.locator(`#cu-${id}`).fill(value);
  }
  if (reason) {
    await expect(page.getByTestId("customer-duplicate").filter({ hasText: KEEP })).toBeVisible();
    await page.locator("#cu-duplicateReason").fill(reason);
  }
  await page.getByTestId("customer-submit").click();
  await page.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test("a sales lead merges two entries of one company; the kept customer shows the moved contact log", async ({ browser }) => {
  const majun = await employeePage(browser, "majun");
  const keepPath = await enterCustomer(majun, { name: KEEP, industry: "模具", level: "B", contactName: "陈工", contactPhone: "13800000011" });
  const otherPath = await enterCustomer(majun, { name: OTHER, creditCode: CREDIT, region: "广东深圳", level: "A", contactName: "王经理", contactPhone: "13900000022" }, "展会名片录入，未核实是否同一家");
  const log = majun.getByTestId("contact-log-form");
  await log.getByTestId("log-kind-call").click();
  await log.locator("#log-note").fill("电话确认样品规格，下周寄样");
  await log.getByTestId("log-submit").click();
  await expect(majun.getByRole("status").filter({ hasText: zh("crm.log.saved") })).toBeVisible();
  await majun.context().close();

  // heqiang finds the two in his team's customers and opens the one to keep.
  const heqiang = await employeePage(browser, "heqiang");
  await heqiang.goto("/crm/customers?view=team&q=华森");
  await expect(heqiang.getByTestId("customer-row")).toHaveCount(2);
  await heqiang.getByTestId("customer-row").filter({ hasText: KEEP }).getByTestId("customer-link").click();
  await expect(heqiang).toHaveURL(new RegExp(`${keepPath}$`));
  await heqiang.getByTestId("customer-merge").click();
  await heqiang.getByTestId("merge-search").fill("华森");
  await heqiang.getByTestId("merge-search").press("Enter");
  const candidate = heqiang.getByTestId("merge-candidate");
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toHaveAttribute("data-name", OTHER);
  await candidate.getByTestId("merge-pick").click();

  // Side by side: the kept customer's values win where it has them, the other's fill the gaps.
  const preview = heqiang.getByTestId("merge-preview");
  await expect(preview.getByTestId("merge-name-survivor")).toBeChecked();
  await expect(preview.getByTestId("merge-creditCode-other")).toBeChecked();
  await expect(preview.getByTestId("merge-region-other")).toBeChecked();
  await expect(preview.getByTestId("merge-level-survivor")).toBeChecked();
  await expect(heqiang.getByTestId("merge-counts")).toContainText(zh("crmMerge.merge.counts.logs", { n: 1 }));
  await expect(heqiang.getByTestId("merge-counts")).toContainText(zh("crmMerge.merge.counts.contacts", { n: 1 }));
  await preview.getByTestId("merge-level-other").check();
  await shoot(heqiang, "crm-merge-preview");
  await heqiang.getByTestId("merge-confirm").click();

  await expect(heqiang).toHaveURL(new RegExp(`${keepPath}$`));
  await expect(heqiang.locator("h1")).toHaveText(KEEP);
  await expect(heqiang.getByTestId("customer-log-entry").filter({ hasText: "电话确认样品规格，下周寄样" })).toBeVisible();
  const profile = heqiang.getByTestId("customer-profile");
  await expect(profile).toContainText(CREDIT);
  await expect(profile).toContainText("广东深圳");
  await expect(profile).toContainText(OTHER);
  await expect(heqiang.getByTestId("customer-contacts")).toContainText("王经理");
  await expect(heqiang.getByTestId("customer-history")).toContainText(zh("admin.audit.actions.customer_merge"));
  await shoot(heqiang, "crm-merge-survivor");

  // The merged entry is out of the list; its old address leads to the customer kept.
  await heqiang.goto("/crm/customers?view=team&q=华森");
  await expect(heqiang.getByTestId("customer-row")).toHaveCount(1);
  await heqiang.goto(otherPath);
  await expect(heqiang).toHaveURL(new RegExp(`${keepPath}$`));
  await heqiang.context().close();
});

test("the owner edits the profile and adds, changes and removes a contact", async ({ browser }) => {
  const majun = await employeePage(browser, "majun");
  await enterCustomer(majun, { name: "佛山联科精密五金有限公司", contactName: "李工", contactPhone: "13700000033" });
  const page = new URL(majun.url()).pathname;
  await majun.getByTestId("customer-edit").click();
  await majun.locator("#cp-tags").fill("五金，新客户");
  await majun.locator("#cp-creditCode").fill("91440300MA5HUA8K1X");
  await majun.getByTestId("profile-submit").click();
  await expect(majun.getByText(zh("validation.credit_code_checksum"))).toBeVisible();
  await majun.locator("#cp-creditCode").fill("");
  await majun.getByTestId("profile-submit").click();
  await expect(majun).toHaveURL(new RegExp(`${page}$`));
  await expect(majun.getByTestId("customer-profile")).toContainText("新客户");

  // The address has its own editor (the profile form holds profile fields only); the first one is the primary.
  const addresses = majun.getByTestId("customer-addresses");
  await addresses.getByTestId("address-add").click();
  const addressForm = addresses.getByTestId("address-form");
  await addressForm.getByLabel(zh("crm.addresses.province")).fill("广东省");
  await addressForm.getByLabel(zh("crm.addresses.city")).fill("佛山市");
  await addressForm.getByLabel(zh("crm.addresses.street")).fill("顺德区北滘镇工业大道8号");
  await addressForm.getByTestId("address-save").click();
  await expect(addresses.getByTestId("address-entry")).toHaveCount(1);
  await expect(majun.getByTestId("customer-profile")).toContainText("广东省 佛山市 顺德区北滘镇工业大道8号");

  const contacts = majun.getByTestId("customer-contacts");
  await contacts.getByTestId("contact-add").click();
  const form = contacts.getByTestId("contact-form");
  await form.getByLabel(zh("crmMerge.contacts.name")).fill("赵经理");
  await form.getByLabel(zh("crmMerge.contacts.email")).fill("不是邮箱");
  await form.getByTestId("contact-save").click();
  await expect(form.getByText(zh("validation.invalid_email"))).toBeVisible();
  await form.getByLabel(zh("crmMerge.contacts.email")).fill("zhao@lianke.example.cn");
  await form.getByLabel(zh("crmMerge.contacts.title")).fill("采购经理");
  await form.getByLabel(zh("crmMerge.contacts.primary")).check();
  await form.getByTestId("contact-save").click();
  const zhao = contacts.locator('[data-testid="contact-entry"][data-name="赵经理"]');
  await expect(zhao).toContainText(zh("crm.detail.primary"));
  await zhao.getByTestId("contact-edit").click();
  await contacts.getByTestId("contact-form").getByLabel(zh("crmMerge.contacts.title")).fill("采购总监");
  await contacts.getByTestId("contact-form").getByTestId("contact-save").click();
  await expect(zhao).toContainText("采购总监");
  await shootReadable(majun, "crm-customer-contacts", /CU\d{6}|\d{11}|[\w.]+@[\w.]+/g);
  majun.once("dialog", (d) => d.accept());
  await contacts.locator('[data-testid="contact-entry"][data-name="李工"]').getByTestId("contact-remove").click();
  await expect(contacts.getByTestId("contact-entry")).toHaveCount(1);
  await expect(majun.getByTestId("customer-history")).toContainText(zh("admin.audit.actions.customer_contact_remove"));
  await majun.context().close();
});
