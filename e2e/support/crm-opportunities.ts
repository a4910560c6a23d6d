import { expect, type Page } from "@playwright/test";
import { zh } from "./messages";

/** 从往期商机复制一个新商机（产品行和成本随之带来），返回其页面地址和编号。 */
export async function copyPastOpportunity(page: Page, o: { customer: string; past: string; name: string }) {
  await page.goto("/crm/opportunities/new");
  const form = page.getByTestId("new-opportunity-form");
  const customer = form.getByTestId("opportunity-customer").locator("option", { hasText: o.customer });
  await form.getByTestId("opportunity-customer").selectOption((await customer.first().getAttribute("value"))!);
  const past = form.getByTestId("opportunity-copy-from").locator("option", { hasText: o.past });
  await form.getByTestId("opportunity-copy-from").selectOption((await past.first().getAttribute("value"))!);
  await page.getByTestId("opportunity-name").fill(o.name);
  await page.getByTestId("opportunity-create").click();
  await expect(page).toHaveURL(/\/crm\/opportunities\/[0-9a-f-]{36}$/);
  return { url: page.url(), code: (await page.getByTestId("opportunity-code").innerText()).trim() };
}

/** 在商机页面把阶段推进到 `stage`。 */
export async function moveToStage(page: Page, stage: "solution" | "quotation") {
  await page.getByTestId("stage-select").selectOption(stage);
  await page.getByTestId("stage-move-submit").click();
  await expect(page.getByTestId("opportunity-header")).toContainText(zh(`opportunities.stages.${stage}`));
}
