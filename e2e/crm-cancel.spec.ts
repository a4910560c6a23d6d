import { expect, test } from "@playwright/test";
import { employeePage } from "./support/admin-pages";
import { copyPastOpportunity, moveToStage } from "./support/crm-opportunities";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

/*
 * 取消合同与取消评审：孙丽给苏州恒力生成一份合同草稿，客户撤单，她在合同页面写明原因取消合同，
 * 页面显示“已取消”、原因、取消人和日期，合同列表按“已取消”筛选能找到它。
 * 马俊复制往期商机，方案阶段发起技术评审后客户改了需求，他在商机页面写明原因取消评审，
 * 评审显示“已取消”和原因，设计部的待办里不再有这项任务，本阶段可以重新发起评审。
 */

const codes = /SC\d{4}-\d{4}|OP\d{6}|CU\d{6}|v\d+|PDF|CNY|PCS|P-\d{4}|ERP|DWG[-A-Z\d]*|RAL \d+|ADC\d+|[A-Z]{2,}-[A-Z\d-]+|\d{4}-\d{2}-\d{2}/g;

test("销售取消合同草稿：写明原因，页面显示已取消、原因和取消人，列表可按已取消筛选", async ({ browser }) => {
  test.setTimeout(180_000);
  const sunli = await employeePage(browser, "sunli");
  await sunli.goto("/crm/contracts/new");
  const customer = sunli.getByTestId("contract-customer").locator("option", { hasText: "苏州恒力精工机械有限公司" });
  await sunli.getByTestId("contract-customer").selectOption((await customer.first().getAttribute("value"))!);
  await sunli.getByTestId("contract-create").click();
  await sunli.waitForURL(/\/crm\/contracts\/[0-9a-f-]{36}$/);
  await expect(sunli.getByTestId("contract-status")).toHaveText(zh("contracts.status.draft"));
  const number = (await sunli.locator("h1").innerText()).match(/SC\d{4}-\d{4}/)![0];

  // 没写原因：提示必须填写，合同不变。
  await sunli.getByTestId("contract-cancel").click();
  await sunli.getByTestId("contract-cancel-reason").fill("   ");
  await sunli.getByTestId("contract-cancel-confirm").click();
  await expect(sunli.getByTestId("contract-cancel-form")).toContainText(zh("validation.cancel_reason_required"));
  await expect(sunli.getByTestId("contract-status")).toHaveText(zh("contracts.status.draft"));
  await shootReadable(sunli, "crm-contract-cancel-form", codes);

  await sunli.getByTestId("contract-cancel-reason").fill("客户撤单，改为下季度重新签订");
  await sunli.getByTestId("contract-cancel-confirm").click();
  await expect(sunli.getByTestId("contract-status")).toHaveText("已取消");
  await expect(sunli.getByTestId("contract-cancel-reason")).toHaveText("取消原因：客户撤单，改为下季度重新签订");
  await expect(sunli.getByTestId("contract-cancelled")).toContainText("孙丽");
  // 已取消的合同不能再提交、修改或取消。
  await expect(sunli.getByTestId("contract-submit")).toHaveCount(0);
  await expect(sunli.getByTestId("contract-edit")).toHaveCount(0);
  await expect(sunli.getByTestId("contract-cancel")).toHaveCount(0);
  await shootReadable(sunli, "crm-contract-cancelled", codes);

  await sunli.goto(`/crm/contracts?status=cancelled&q=${number}`);
  const row = sunli.getByTestId("contract-row").filter({ hasText: number });
  await expect(row).toContainText("已取消");
  await expect(sunli.locator("#k-status option:checked")).toHaveText("已取消");
  await sunli.context().close();
});

test("销售在商机页面取消进行中的评审：写明原因，评审显示已取消，可重新发起", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = String(Date.now()).slice(-6);
  const majun = await employeePage(browser, "majun");
  const { code } = await copyPastOpportunity(majun, { customer: "东莞市长盈精密技术有限公司", past: "长盈精密 伺服装配线配套", name: `长盈精密 取消评审 ${stamp}` });
  await moveToStage(majun, "solution");
  await majun.getByTestId("opportunity-review-start").click();
  await expect(majun.getByTestId("opportunity-review-started")).toBeVisible();
  await majun.reload();
  const review = majun.getByTestId("opportunity-review-row").first();
  await expect(review).toContainText("评审中");
  await expect(majun.getByTestId("opportunity-review-start")).toHaveCount(0);

  await review.getByTestId("opportunity-review-cancel").click();
  await review.getByTestId("opportunity-review-cancel-reason").fill("客户修改了图纸，待新图纸到后重新评审");
  await shootReadable(majun, "crm-opportunity-review-cancel-form", codes);
  await review.getByTestId("opportunity-review-cancel-confirm").click();
  await expect(review).toContainText("已取消");
  await expect(review.getByTestId("opportunity-review-reason")).toHaveText("取消原因：客户修改了图纸，待新图纸到后重新评审");
  await expect(review.getByTestId("opportunity-review-cancel")).toHaveCount(0);
  await expect(majun.getByTestId("opportunity-review-start")).toBeVisible();
  await shootReadable(majun, "crm-opportunity-review-cancelled", codes);

  // 设计部的待办里不再有这项评审任务。
  const wumin = await employeePage(browser, "wumin");
  await wumin.goto(`/inbox?q=${encodeURIComponent(code)}`);
  await expect(wumin.getByTestId("task-row")).toHaveCount(0);

  // 本阶段可以重新发起评审。
  await majun.getByTestId("opportunity-review-start").click();
  await expect(majun.getByTestId("opportunity-review-started")).toBeVisible();
  await majun.reload();
  await expect(majun.getByTestId("opportunity-review-row").first()).toContainText("评审中");
  for (const p of [majun, wumin]) await p.context().close();
});
