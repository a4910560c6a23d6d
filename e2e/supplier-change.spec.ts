import { expect, test } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { shoot } from "./support/form-designer";
import { zh } from "./support/messages";
import { openGroupTask, register } from "./support/srm-pages";

/*
 * SRM-4：采购员发起供应商资料变更（表单已填入档案资料，只提交改动的部分），审批人看到
 * 标色的新旧对比；涉及银行账号的变更必须经过财务部审核，通过后才写入档案。
 */
test("供应商资料变更：只提交改动，审批看差异，银行信息经财务审核后生效", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36).toUpperCase();
  const code = `E2EC${stamp}`;
  const buyer = await employeePage(browser, "liuyang");
  const archive = await register(buyer, { code, name: `E2E 嘉兴变更测试五金厂 ${stamp}`, tax: "VAT13", term: "NET30", contact: "周亮" });

  await buyer.getByTestId("start-change").click();
  await expect(buyer.locator("#chg-contactName")).toHaveValue("周亮");
  await expect(buyer.locator("#chg-paymentTermCode")).toHaveValue("NET30");
  await buyer.locator("#chg-contactPhone").fill("0573-8888 6666");
  await buyer.locator("#chg-bankName").fill("中国工商银行嘉兴分行");
  await buyer.locator("#chg-bankAccount").fill("12ab");
  await buyer.locator("#chg-reason").fill("供应商来函更新联系电话和收款账户");
  await buyer.getByTestId("change-submit").click();
  await expect(buyer.getByText(zh("validation.bank_account_format"))).toBeVisible();
  await buyer.locator("#chg-bankAccount").fill("6212 2612 0300 1234 567");
  await shoot(buyer, "srm-supplier-change-form-desktop");
  await buyer.getByTestId("change-submit").click();
  await expect(buyer).toHaveURL(/\/srm\/suppliers\/[0-9a-f-]{36}\?changed=1$/);
  await expect(buyer.getByText(zh("srm.change.submitted"))).toBeVisible();

  // The archive is unchanged; the request is under review, as a diff of the three changed fields.
  await expect(buyer.getByTestId("archive-master")).not.toContainText("6212261203001234567");
  const request = buyer.getByTestId("supplier-change").first();
  await expect(request.getByTestId("supplier-change-status")).toHaveText(zh("srm.change.status.pending"));
  await expect(request.locator("tr[data-changed]")).toHaveCount(3);
  await expect(request.locator('tr[data-bank="true"]')).toHaveCount(2);
  const number = (await request.locator(".font-mono").first().textContent())!.trim();
  expect(number).toMatch(/^SC-\d{8}-\d{4}$/);

  // A second change while this one is open is not offered a form.
  await buyer.goto(`${archive}/change`);
  await expect(buyer.getByText(zh("srm.change.pendingExists", { number }))).toBeVisible();

  // Purchasing reviews the diff: old value struck, new value highlighted.
  await openGroupTask(buyer, number, "采购部审核变更");
  const diff = buyer.getByTestId("context-changes");
  await expect(diff.locator('tr[data-changed="联系电话"] [data-testid="diff-new"]')).toHaveText("0573-8888 6666");
  await expect(diff.locator('tr[data-changed="银行账号"] [data-testid="diff-old"]')).toHaveText(zh("srm.change.empty"));
  await expect(diff.locator('tr[data-changed="银行账号"] [data-testid="diff-new"]')).toHaveText("6212261203001234567");
  await expect(buyer.getByTestId("bpmn-diagram")).toHaveAttribute("data-ready", "true");
  await shoot(buyer, "srm-supplier-change-task-desktop");
  await buyer.setViewportSize({ width: 390, height: 844 });
  await shoot(buyer, "srm-supplier-change-task-phone");
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await buyer.setViewportSize({ width: 1280, height: 900 });
  await buyer.getByRole("radio", { name: "同意" }).check();
  await buyer.getByTestId("task-complete").click();
  await expect(buyer.getByTestId("task-done")).toBeVisible();

  // Bank details: finance must approve before anything changes.
  await buyer.goto(archive);
  await expect(buyer.getByTestId("archive-master")).not.toContainText("6212261203001234567");
  const finance = await employeePage(browser, "huangting");
  await openGroupTask(finance, number, "财务部审核银行信息");
  await finance.getByRole("radio", { name: "同意" }).check();
  await finance.getByTestId("task-complete").click();
  await expect(finance.getByTestId("task-done")).toBeVisible();

  // Applied by the flow's service task after the commit.
  await expect(async () => {
    await buyer.goto(archive);
    await expect(buyer.getByTestId("archive-master")).toContainText("6212261203001234567", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(buyer.getByTestId("archive-master")).toContainText("0573-8888 6666");
  await expect(buyer.getByTestId("supplier-change").first().getByTestId("supplier-change-status")).toHaveText(zh("srm.change.status.approved"));
  await shoot(buyer, "srm-supplier-change-archive-desktop");
});
