import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-2: a prospect made a customer of record is written to the ERP as a party (the
// built-in connector here; lib/crm/customer-stage.int.test.ts checks the write), then set
// inactive with a reason; a rep of another team cannot change it through the action.

const shoot = (page: Page, name: string) => shootReadable(page, name, /CU\d{6}|\d{4}-\d{4}|\d{3,4}-\d{7,8}|ERP|[A-C]\b/g);
const CHARS = "澄瀚珏璟翊峤霁渊琮瑭芃蔚昱曜宸";
const brand = () => Array.from({ length: 3 }, () => CHARS[Math.floor(Math.random() * CHARS.length)]).join("");

test("a prospect becomes a customer of record written to the ERP, then inactive with a reason", async ({ browser }) => {
  const name = `常熟${brand()}传动科技有限公司`;
  const gaoyan = await employeePage(browser, "gaoyan");
  await gaoyan.goto("/crm/customers/new");
  await gaoyan.locator("#cu-name").fill(name);
  await gaoyan.locator("#cu-address").fill("江苏省常熟市高新区黄浦江路 8 号");
  await gaoyan.getByTestId("customer-submit").click();
  await expect(gaoyan).toHaveURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  const panel = gaoyan.getByTestId("customer-stage");
  await expect(panel.getByTestId("customer-erp-state")).toHaveText(zh("crm.stagePanel.erpNone"));

  await panel.getByTestId("stage-to-customer").click();
  await expect(gaoyan.getByTestId("customer-profile")).toContainText(zh("crm.detail.stages.customer"));
  // The outbox writes it in the background: the page shows the party once recorded.
  await expect(async () => {
    await gaoyan.reload();
    await expect(gaoyan.getByTestId("customer-erp-state")).toContainText("已写入 ERP 往来单位", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // The outbox's record of the write is the system's, named as such.
  await expect(gaoyan.getByTestId("customer-history")).toContainText(`${zh("crm.detail.systemActor")} · ${zh("admin.audit.actions.erp_write_recorded")}`);
  await shoot(gaoyan, "crm-customer-of-record");

  // Inactive needs a reason.
  await gaoyan.getByTestId("stage-to-inactive").click();
  await gaoyan.getByRole("button", { name: zh("crm.stagePanel.confirmInactive") }).click();
  await expect(gaoyan.getByText(zh("validation.required"))).toBeVisible();
  await gaoyan.locator("#stage-reason").fill("工厂搬迁，暂停采购");
  await gaoyan.getByRole("button", { name: zh("crm.stagePanel.confirmInactive") }).click();
  await expect(gaoyan.getByTestId("customer-profile")).toContainText(zh("crm.detail.stages.inactive"));
  await expect(gaoyan.getByTestId("stage-to-customer")).toHaveText(zh("crm.stagePanel.reactivate"));
  await expect(gaoyan.getByTestId("customer-history")).toContainText(zh("admin.audit.actions.customer_stage"));
  await gaoyan.context().close();
});
