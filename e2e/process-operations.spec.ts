import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function employeePage(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInEmployee(page, username);
  return page;
}

type TaskItem = { id: string; name: string; elementId: string };

async function groupTasks(page: Page, businessKey: string): Promise<TaskItem[]> {
  const res = await page.request.get(`/api/workflow/tasks?view=group&q=${encodeURIComponent(businessKey)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: TaskItem[] }).items;
}

test("an operator moves a waiting task to another step: the new group gets it and the flow goes on from there", async ({ browser }) => {
  test.setTimeout(120_000);
  const bk = `E2E-MOVE-${Date.now().toString(36).toUpperCase()}`;
  const admin = await employeePage(browser, "admin");
  const res = await admin.request.post("/api/workflow/processes/purchase_requisition/instances", { data: { businessKey: bk, data: { title: `E2E ${bk}`, amount: 300 } } });
  expect(res.status(), await res.text()).toBe(201);
  const started = (await res.json()) as { id: string };

  await admin.goto(`/processes/instances/${started.id}`);
  const review = admin.locator('tr[data-element-id="purchasing_review"]');
  await expect(review).toContainText(zh("processes.instance.taskStatus.open"));
  await review.getByTestId("move-token").click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog.locator("#move-target option")).toHaveText([zh("processes.move.pick"), /escalated_review/, /management_approval/]);
  await dialog.locator("#move-target").selectOption("management_approval");
  // A reason is required.
  await dialog.getByTestId("confirm-move").click();
  await expect(dialog.getByText(zh("validation.too_small"))).toBeVisible();
  await dialog.locator("#move-reason").fill("金额需总经理确认");
  await shoot(admin, "process-move-token-dialog");
  await dialog.getByTestId("confirm-move").click();
  await expect(dialog).toBeHidden();

  // The old task is closed as moved, the target waits, the history and diagram say so.
  await expect(review).toContainText(zh("processes.instance.taskOutcome.moved"));
  await expect(admin.locator('tr[data-element-id="management_approval"]')).toContainText(zh("processes.instance.taskStatus.open"));
  const moved = admin.getByTestId("instance-history").locator('tr[data-type="token.moved"]');
  await expect(moved).toContainText(zh("processes.instance.events.token_moved"));
  await expect(moved).toContainText("采购部审核 → 总经理审批 · 金额需总经理确认");
  await expect(moved).toContainText("王磊");
  await expect(admin.getByTestId("instance-diagram").locator('.djs-element.ff-current[data-element-id="management_approval"]')).toHaveCount(1);

  // Purchasing no longer has it; management gets it and approves; the flow goes on from there to the end.
  const lina = await employeePage(browser, "lina");
  expect(await groupTasks(lina, bk)).toEqual([]);
  const zhangwei = await employeePage(browser, "zhangwei");
  const [task] = await groupTasks(zhangwei, bk);
  expect(task.elementId).toBe("management_approval");
  const done = await zhangwei.request.post(`/api/workflow/tasks/${task.id}/complete`, { data: { data: { decision: "approve" } } });
  expect(done.status(), await done.text()).toBe(200);
  // The ledger step runs as a job after the commit; then the instance ends.
  const history = admin.getByTestId("instance-history");
  await expect(async () => {
    await admin.reload();
    await expect(history.locator('tr[data-type="instance.completed"]')).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(history.locator('tr[data-type="task.completed"]')).toHaveCount(1);
  await expect(history.locator('tr[data-type="variables.changed"]').filter({ hasText: "decision" })).toContainText("decision: （空） → approve");
  await expect(admin.locator('[data-testid="move-token"]')).toHaveCount(0);
  await shoot(admin, "process-move-token-history");
});
