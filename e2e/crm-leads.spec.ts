import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-3: a rep enters a lead met at an exhibition, which the rules classify and give to a
// rep of the region's team; the sales lead gives a pool lead to a rep; the rep converts it
// through the duplicate check, linking it to the existing customer, with the opportunity stub.

const shoot = (page: Page, name: string) => shootReadable(page, name, /LD\d{6}|CU\d{6}|\d{3,4}-\d{4}( \d{4})?|[A-C]\b/g);

test.describe.configure({ mode: "serial" });

test("a rep enters a lead from an exhibition: classified by the keyword and given to a rep of the region's team", async ({ browser }) => {
  const sunli = await employeePage(browser, "sunli");
  await sunli.goto("/crm/leads");
  await sunli.getByTestId("new-lead").click();
  await sunli.locator("#lead-companyName").fill("苏州博睿精密传动有限公司");
  await sunli.locator("#lead-contactName").fill("顾晨");
  await sunli.locator("#lead-phone").fill("0512-6789 1234");
  await sunli.locator("#lead-region").fill("江苏苏州");
  await sunli.locator("#lead-industry").fill("传动部件");
  await sunli.locator("#lead-remark").fill("上海工博会展位来访，询问减速机配套");
  await shoot(sunli, "crm-lead-new");
  await sunli.getByTestId("lead-submit").click();
  await sunli.waitForURL(/\/crm\/leads\/[0-9a-f-]{36}$/);
  await expect(sunli.locator("h1")).toHaveText("苏州博睿精密传动有限公司");
  await expect(sunli.getByTestId("lead-source")).toHaveText(zh("leads.sources.exhibition"));
  await expect(sunli.getByTestId("lead-detail-owner")).toHaveText(/^(孙丽|高燕)$/);
  await expect(sunli.getByTestId("lead-status")).toHaveText(zh("leads.statuses.new"));
  await expect(sunli.getByTestId("lead-history-entry").first()).toContainText(zh("admin.audit.actions.lead_create"));
  await shoot(sunli, "crm-lead");
  await sunli.context().close();
});

test("the sales lead gives a pool lead to a rep of the department; the rep converts it into the existing customer", async ({ browser }) => {
  const zhoujie = await employeePage(browser, "zhoujie");
  await zhoujie.goto("/crm/leads?view=pool");
  const row = zhoujie.getByTestId("lead-row").filter({ hasText: "无锡先导智能装备有限公司" });
  await expect(row.getByTestId("lead-owner")).toHaveText(zh("leads.list.pool"));
  await shoot(zhoujie, "crm-leads-pool");
  await row.getByTestId("lead-pick").check();
  await zhoujie.getByTestId("distribute-owner").selectOption({ label: "孙丽（销售部）" });
  await zhoujie.getByTestId("distribute-submit").click();
  await expect(zhoujie.getByRole("status").filter({ hasText: zh("leads.list.distributed", { count: 1 }) })).toBeVisible();
  await expect(zhoujie.getByTestId("lead-row").filter({ hasText: "无锡先导智能装备有限公司" })).toHaveCount(0);
  await zhoujie.context().close();

  const sunli = await employeePage(browser, "sunli");
  await sunli.goto("/crm/leads");
  await sunli.getByTestId("lead-row").filter({ hasText: "无锡先导智能装备有限公司" }).getByTestId("lead-link").click();
  await sunli.waitForURL(/\/crm\/leads\/[0-9a-f-]{36}$/);
  const form = sunli.getByTestId("lead-convert-form");
  const dup = form.getByTestId("customer-duplicate").filter({ hasText: "无锡先导智能装备股份有限公司" });
  await expect(dup).toHaveAttribute("data-likely", "true");
  // Going on without a reason is refused; linking to the existing customer is the way.
  await form.getByTestId("convert-submit").click();
  await expect(form.getByText(zh("validation.customer_duplicate"))).toBeVisible();
  await form.getByTestId("convert-link").first().check();
  await form.locator("#convert-opportunity").fill("新产线减速机配套");
  await form.locator("#convert-amount").fill("500000");
  await shoot(sunli, "crm-lead-convert");
  await form.getByTestId("convert-submit").click();
  await sunli.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  await expect(sunli.locator("h1")).toHaveText("无锡先导智能装备股份有限公司");
  await expect(sunli.getByTestId("customer-lead")).toContainText("新产线减速机配套");
  await shoot(sunli, "crm-customer-leads");
  await sunli.getByTestId("customer-lead").getByRole("link").click();
  await expect(sunli.getByTestId("lead-status")).toHaveText(zh("leads.statuses.converted"));
  await expect(sunli.getByTestId("lead-convert")).toHaveCount(0);
  await sunli.context().close();
});
