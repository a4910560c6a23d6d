import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";

// 流程负责人在编辑器的流程属性里设定谁可以手动发起：只有所选组的成员在「发起流程」里看到它。
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function employeePage(browser: Browser, username: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInEmployee(page, username);
  return page;
}

test("流程负责人只允许采购组发起新流程：采购员能发起，销售员看不到", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36).toLowerCase();
  const key = `e2e_starters_${stamp}`;
  const name = `采购组自发流程 ${stamp}`;
  const admin = await employeePage(browser, "admin");

  await admin.goto("/processes/new");
  await expect(admin.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  const panel = admin.getByTestId("bpmn-properties");

  // 没有选中元素时，属性面板显示流程本身：名称、标识（在折叠的「常规」里）和可发起人。
  await panel.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
  await admin.locator("#bio-properties-panel-ff-name").fill(name);
  await admin.locator("#bio-properties-panel-ff-id").fill(key);
  await expect(panel).toContainText("可发起人（组）");
  await expect(panel).toContainText("只有系统能发起");
  await admin.locator("#bio-properties-panel-ff-starter-purchasing").check();
  // 「所有员工」包含各组：勾选后各组不再单独可选，取消后恢复。
  await admin.locator("#bio-properties-panel-ff-starter-everyone").check();
  await expect(admin.locator("#bio-properties-panel-ff-starter-purchasing")).toBeDisabled();
  await admin.locator("#bio-properties-panel-ff-starter-everyone").uncheck();
  await admin.locator("#bio-properties-panel-ff-starter-purchasing").check();
  await expect(admin.locator("#bio-properties-panel-ff-starter-purchasing")).toBeChecked();
  await expect(admin.locator("#bio-properties-panel-ff-starter-sales")).not.toBeChecked();
  await admin.locator("#bio-properties-panel-ff-uniqueBusinessKey").check();
  await shoot(admin, "processes-starters-desktop");

  // 开始事件带上发起表单，再接一个结束事件；每个事件都要有名称。
  await admin.locator('.djs-shape[data-element-id="start"]').click();
  await expect(panel).toContainText("发起表单");
  await admin.locator("#bio-properties-panel-ff-formKey").selectOption("purchase_requisition_start");
  await admin.locator('.djs-context-pad [data-action="append.end-event"]').click();
  await expect(panel).toContainText("结束事件");
  await admin.locator("#bio-properties-panel-ff-name").fill("完成");
  await admin.locator('.djs-shape[data-element-id="start"]').click();
  await admin.locator("#bio-properties-panel-ff-name").fill("提交申请");
  await expect(admin.getByTestId("editor-status")).toHaveText(new RegExp(`^${zh("processes.editor.statusClean")}`));

  await admin.getByTestId("publish").click();
  // Publishing checks the diagram again on the server; with the whole suite running that can take a while.
  await expect(admin.getByTestId("editor-notice")).toHaveText(zh("processes.editor.published", { version: 1 }), { timeout: 30_000 });

  // 发布后的版本保留了可发起人和业务编号唯一。
  await admin.goto(`/processes/${key}/edit`);
  await expect(admin.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(admin.locator("#bio-properties-panel-ff-starter-purchasing")).toBeChecked();
  await expect(admin.locator("#bio-properties-panel-ff-uniqueBusinessKey")).toBeChecked();

  // 采购组的李娜能发起，销售组的孙丽看不到。
  const lina = await employeePage(browser, "lina");
  await lina.goto("/inbox/start");
  await expect(lina.getByTestId(`start-${key}`)).toContainText(name);
  const sunli = await employeePage(browser, "sunli");
  await sunli.goto("/inbox/start");
  await expect(sunli.getByTestId("start-purchase_requisition")).toBeVisible();
  await expect(sunli.getByTestId(`start-${key}`)).toHaveCount(0);
});
