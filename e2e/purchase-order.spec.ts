import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier, signOut } from "./support/auth";
import { zh } from "./support/messages";

// The demo seed enters one purchase order for S001 with the built-in connector (every
// e2e run starts on an empty database). Its confirmation flow runs end to end here:
// the supplier confirms in the portal, the warehouse receives, and both results are
// written back through the outbox into the (built-in) ERP, visible in the sync log.

async function orderTaskRow(page: Page) {
  await page.goto("/portal/tasks");
  return page.getByTestId("task-row").filter({ hasText: "供应商确认订单" });
}

test("a purchase order is confirmed by its supplier, received by the warehouse and written back to the ERP", async ({ page }) => {
  await signInSupplier(page, "supplier2");
  // Another supplier's order is not there.
  await expect(await orderTaskRow(page)).toHaveCount(0);
  await signOut(page, "supplier");

  await signInSupplier(page, "supplier1");
  const row = await orderTaskRow(page);
  await expect(row).toHaveCount(1);
  const orderNumber = /PO-\d{8}-\d{4}/.exec((await row.textContent()) ?? "")?.[0];
  expect(orderNumber).toBeTruthy();
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("供应商确认订单");
  await expect(page.getByTestId("context-orderLines")).toContainText("P-1001");
  await page.screenshot({ path: "test-results/screenshots/portal-po-confirm-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/portal-po-confirm-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The confirmed date is required; the error is shown and nothing is completed.
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("field-confirmedDate").getByRole("alert")).toBeVisible();
  await page.locator("#task-confirmedDate").fill("2026-12-15");
  await page.locator("#task-supplierRef").fill("SO-E2E-778");
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
  await signOut(page, "supplier");

  // The warehouse group gets the receipt once the confirmation is written back (a job after commit).
  await signInEmployee(page, "xuming");
  const groupRow = page.getByTestId("task-row").filter({ hasText: orderNumber! });
  await expect(async () => {
    await page.goto(`/inbox?view=group&q=${encodeURIComponent(orderNumber!)}`);
    await expect(groupRow).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(groupRow).toContainText("收货");
  await groupRow.getByTestId("claim").click();
  await expect(page.getByRole("status").filter({ hasText: zh("inbox.actions.claimed") })).toBeVisible();
  await page.goto(`/inbox?view=mine&q=${encodeURIComponent(orderNumber!)}`);
  await page.getByTestId("task-row").filter({ hasText: orderNumber! }).getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("收货");

  // A negative quantity is refused with a translated message.
  await page.locator("#task-acceptedQuantity").fill("-5");
  await page.locator("#task-location").selectOption("WH01-STOCK");
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("field-acceptedQuantity").getByRole("alert")).toBeVisible();
  await page.locator("#task-acceptedQuantity").fill("5790");
  await page.locator("#task-rejectedQuantity").fill("10");
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
  await signOut(page, "employee");

  // Both write-backs reached the ERP, once each.
  await signInEmployee(page, "admin");
  for (const op of ["write.confirmPurchaseOrder", "write.postGoodsReceipt"]) {
    const ok = page.locator(`[data-testid=sync-log] tr[data-operation="${op}"][data-status="ok"]`);
    await expect(async () => {
      await page.goto(`/integration/log?op=${op}`);
      await expect(ok).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }
  await page.locator('[data-testid=sync-log] tr[data-operation="write.postGoodsReceipt"]').getByTestId("view-payload").click();
  // 5,790 accepted and 10 rejected, spread over the order's lines in order (5,000 + 790).
  const request = page.locator("pre").first();
  await expect(request).toContainText('"acceptedQuantity": 5000');
  await expect(request).toContainText('"acceptedQuantity": 790');
  await expect(request).toContainText('"rejectedQuantity": 10');
  await expect(request).toContainText('"locationCode": "WH01-STOCK"');
});
