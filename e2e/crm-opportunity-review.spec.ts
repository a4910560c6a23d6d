import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { copyPastOpportunity, moveToStage } from "./support/crm-opportunities";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

/*
 * CRM-6：商机评审。马俊复制往期商机，方案阶段发起技术评审（设计部评审、生产负责人确认交期）；
 * 进入报价阶段后给出大折扣，商务评审时销售主管何强“同意”被毛利率底线拦下，只能驳回并写明原因；
 * 马俊调整折扣后重新发起，销售主管与财务部通过，报价经 outbox 写入 ERP，报价单号回到商机，
 * ERP 同步日志里可以看到这次写入。
 */

const shoot = (page: Page, name: string) => shootReadable(page, name, /OP\d{6}|SQ-OP\d{6}|ERP|CNY|PCS|P-\d{4}|DWG[-A-Z\d]*|RAL \d+|ADC\d+|[A-Z]{2,}-[A-Z\d-]+|Office/g);

/** Opens the open task named `name` of the opportunity `code` from the inbox (mine and my groups'), once the flow has reached it. */
async function openTask(page: Page, code: string, name: string) {
  const row = page.getByTestId("task-row").filter({ hasText: name });
  await expect(async () => {
    await page.goto(`/inbox?q=${encodeURIComponent(code)}`);
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText(name);
}

async function decide(page: Page, decision: "同意" | "驳回", comment?: string) {
  await page.getByRole("radio", { name: decision }).check();
  if (comment) await page.locator("#task-comment").fill(comment);
  await page.getByTestId("task-complete").click();
}

/** Reloads the opportunity page until the newest review shows `status`. */
async function waitForReview(page: Page, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("opportunity-review-row").first()).toContainText(status, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
}

async function setDiscounts(page: Page, pct: string) {
  const editor = page.getByTestId("line-editor-toggle");
  if (!(await editor.getAttribute("open"))) await editor.locator("summary").click();
  const discounts = page.getByTestId("line-discount");
  for (let i = 0; i < (await discounts.count()); i++) await discounts.nth(i).fill(pct);
  await page.getByTestId("lines-save").click();
}

test("商机评审：技术评审后报价，毛利率低于底线被拦下并驳回，调整后通过，报价写入 ERP", async ({ browser }) => {
  test.setTimeout(420_000);
  const stamp = String(Date.now()).slice(-6);
  const majun = await employeePage(browser, "majun");

  // 从往期商机复制：产品行（含成本）随之带来。
  const { url: page, code } = await copyPastOpportunity(majun, { customer: "东莞市长盈精密技术有限公司", past: "长盈精密 伺服装配线配套", name: `长盈精密 散热模组 ${stamp}` });

  // 方案阶段：技术评审。
  await moveToStage(majun, "solution");
  await majun.getByTestId("opportunity-review-start").click();
  await expect(majun.getByTestId("opportunity-review-started")).toBeVisible();
  await expect(majun.getByTestId("opportunity-review-row").first()).toContainText("技术评审");
  const wumin = await employeePage(browser, "wumin");
  await openTask(wumin, code, "设计部技术评审");
  await decide(wumin, "同意");
  await expect(wumin.getByTestId("task-done")).toBeVisible();
  const zhenghao = await employeePage(browser, "zhenghao");
  await openTask(zhenghao, code, "生产负责人确认交期");
  const inMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await zhenghao.locator("#task-feasibleDate").fill(inMonth);
  await decide(zhenghao, "同意");
  await expect(zhenghao.getByTestId("task-done")).toBeVisible();
  await majun.goto(page);
  await waitForReview(majun, "已通过");

  // 报价阶段：折扣 20%，毛利率约 12.7%，低于 15% 的底线。
  await moveToStage(majun, "quotation");
  await setDiscounts(majun, "20");
  await majun.getByTestId("opportunity-review-start").click();
  await expect(majun.getByTestId("opportunity-review-started")).toBeVisible();

  const heqiang = await employeePage(browser, "heqiang");
  await openTask(heqiang, code, "销售主管商务评审");
  await decide(heqiang, "同意");
  await expect(heqiang.getByTestId("field-decision").getByRole("alert")).toContainText("低于底线");
  await shoot(heqiang, "crm-opportunity-review-margin-refused");
  await decide(heqiang, "驳回", "毛利率低于底线，请把折扣降到 2% 以内");
  await expect(heqiang.getByTestId("task-done")).toBeVisible();

  await majun.goto(page);
  await waitForReview(majun, "已驳回");
  await expect(majun.getByTestId("opportunity-review-reason").first()).toContainText("请把折扣降到 2% 以内");

  // 调整折扣后重新发起，销售主管与财务部通过。
  await setDiscounts(majun, "0");
  await majun.getByTestId("opportunity-review-start").click();
  await expect(majun.getByTestId("opportunity-review-started")).toBeVisible();
  await openTask(heqiang, code, "销售主管商务评审");
  await decide(heqiang, "同意");
  await expect(heqiang.getByTestId("task-done")).toBeVisible();
  const finance = await employeePage(browser, "huangting");
  await openTask(finance, code, "财务部审核报价");
  await decide(finance, "同意");
  await expect(finance.getByTestId("task-done")).toBeVisible();

  // 报价经 outbox 写入 ERP（内置连接器），报价单号显示在商机上。
  await majun.goto(page);
  await expect(async () => {
    await majun.reload();
    await expect(majun.getByTestId("opportunity-review-erp-number")).toHaveText(`SQ-${code}`, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(majun.getByTestId("opportunity-erp-sale")).toHaveText(`SQ-${code}`);
  await shoot(majun, "crm-opportunity-review-quoted");

  // ERP 同步日志里有这次写入，标签可读。
  const admin = await employeePage(browser, "admin");
  await admin.goto("/integration/log?op=write.recordSalesOrder&status=ok");
  await expect(admin.locator("main table")).toContainText(zh("integration.ops.write_recordSalesOrder"));
  for (const p of [majun, wumin, zhenghao, heqiang, finance, admin]) await p.context().close();
});
