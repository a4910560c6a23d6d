import { expect, type Browser, type Page } from "@playwright/test";
import { signInEmployee } from "./auth";

// The delivery flow's receiving steps through the task pages (processes/supplier-delivery.bpmn):
// the supplier's notice with lots, the warehouse's count, quality's inspection, the put-away and the summary.

/** On the open 供应商发货 task: per plan line (in order) its lots as [lot number, quantity]; the shipped quantity is their sum. */
export async function fillNoticeLots(page: Page, lines: [string, string][][]) {
  const rows = page.getByTestId("field-shippedLots").getByTestId("lot-line");
  await expect(rows).toHaveCount(lines.length);
  for (const [i, lots] of lines.entries()) {
    const row = rows.nth(i);
    for (let j = 1; j < lots.length; j++) await row.getByTestId("add-lot").click();
    await row.locator('input[data-field="shipped"]').fill(String(lots.reduce((n, [, q]) => n + Number(q), 0)));
    for (const [j, [lot, quantity]] of lots.entries()) {
      await row.locator('input[data-field="lotNumber"]').nth(j).fill(lot);
      await row.locator('input[data-field="lotQuantity"]').nth(j).fill(quantity);
    }
  }
}

/** Opens the supplier's open task of a record by its number from the portal task list. */
export async function openPortalTask(page: Page, number: string, name: string) {
  const row = page.getByTestId("task-row").filter({ hasText: number }).filter({ hasText: name });
  await expect(async () => {
    await page.goto("/portal/tasks");
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText(name);
}

/** Opens a group task of a record once the flow has reached it (its service step runs as a job after commit). */
export async function openGroupTaskWhenReady(page: Page, key: string, name: string) {
  const row = page.getByTestId("task-row").filter({ hasText: key }).filter({ hasText: name });
  await expect(async () => {
    await page.goto(`/inbox?view=group&q=${encodeURIComponent(key)}`);
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText(name);
}

/** A lot row of the open step's table, by its lot number. */
export const lotRow = (page: Page, field: string, lot: string) => page.getByTestId(`field-${field}`).getByTestId("lot-row").filter({ hasText: lot });

export async function completeTask(page: Page) {
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
}

export type LotPlan = { lot: string; counted?: string; result?: "pass" | "fail" | "concession"; rejected?: string; defect?: string; bin?: string };

/**
 * The warehouse (zhaoqiang) counts, quality (chenjing) inspects, the warehouse puts away to
 * WH01-STOCK and confirms the summary; each lot as `lots` says (default: as shipped, passed, bin A01).
 * `between` runs on each step's page before it is submitted (assertions, screenshots).
 */
export async function receiveThroughSteps(browser: Browser, key: string, lots: LotPlan[], between: (step: "count" | "inspect" | "putaway" | "summary", page: Page) => Promise<void> = async () => {}) {
  const warehouse = await browser.newPage();
  await signInEmployee(warehouse, "zhaoqiang");
  await openGroupTaskWhenReady(warehouse, key, "预收货点数");
  for (const l of lots) if (l.counted) await lotRow(warehouse, "lotCounts", l.lot).locator('input[data-field="counted"]').fill(l.counted);
  await between("count", warehouse);
  await completeTask(warehouse);

  const quality = await browser.newPage();
  await signInEmployee(quality, "chenjing");
  await openGroupTaskWhenReady(quality, key, "来料质检");
  for (const l of lots) {
    const row = lotRow(quality, "inspection", l.lot);
    await row.locator('input[data-field="sampled"]').fill("5");
    await row.locator('select[data-field="result"]').selectOption(l.result ?? "pass");
    if (l.rejected) await row.locator('input[data-field="rejected"]').fill(l.rejected);
    if (l.defect) await row.locator('select[data-field="defect"]').selectOption({ label: l.defect });
  }
  await between("inspect", quality);
  await completeTask(quality);
  await quality.close();

  await openGroupTaskWhenReady(warehouse, key, "上架");
  for (const l of lots) {
    const row = lotRow(warehouse, "putAway", l.lot);
    if (!(await row.count())) continue;
    await row.locator('select[data-field="location"]').selectOption("WH01-STOCK");
    await row.locator('select[data-field="bin"]').selectOption(l.bin ?? "WH01-STOCK-A01");
  }
  await between("putaway", warehouse);
  await completeTask(warehouse);

  await openGroupTaskWhenReady(warehouse, key, "收货汇总确认");
  await between("summary", warehouse);
  await completeTask(warehouse);
  await warehouse.close();
}
