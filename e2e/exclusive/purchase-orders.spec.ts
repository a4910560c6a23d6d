import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { zh } from "../support/messages";
import { expectNoSidewaysScroll, shootReadable } from "../support/layout";
import { fillOrderEntry } from "../support/srm-pages";

// SRM-6 for employees: a buyer enters a purchase order for S001 (built-in connector),
// lands on its page with the confirmation flow running, the supplier confirms it in the
// portal, and the buyer reads the confirmed figures and the history in words. Only this
// journey's own order is touched (other journeys work on S001's demo order).

const DIR = path.join(process.cwd(), "test-results", "screenshots");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** Screenshots at desktop and phone width of a page that reads as Chinese (codes and names it shows aside). */
const shoot = (page: Page, name: string) => shootReadable(page, name, /PO-\d{8}-\d{4}|DP-PO-\d{8}-\d{4}-\d+|GR-\d{8}-\d{4}|P-\d{4}|S\d{3}|CNY|ERP|SQ-[A-Z0-9-]+/g);

test("a buyer enters an order, the supplier confirms it in the portal, the buyer reads the confirmation on the order's page", async ({ browser }) => {
  test.setTimeout(180_000);
  const buyer = await browser.newPage();
  await signInEmployee(buyer, "lina");
  await buyer.goto("/srm");
  await buyer.getByTestId("new-purchase-order").click();
  await expect(buyer).toHaveURL(/\/srm\/orders\/new$/);
  const due = shanghaiDay(12);
  const lines = await fillOrderEntry(buyer, `S001 · ${SUPPLIERS.supplier1.company}`, [{ product: "P-1001", quantity: "300", price: "0.36" }, { product: "P-1002", quantity: "0", price: "4.1" }], due);
  // The unit comes from the product's master data.
  await expect(lines.nth(0).getByTestId("line-unit")).toHaveValue("PCS");
  await expect(lines.nth(1).getByTestId("line-unit")).toHaveValue("PCS");

  // A quantity of 0 is refused at its field; nothing is saved.
  await buyer.getByTestId("order-entry-submit").click();
  await expect(lines.nth(1).locator('[role="alert"]')).toHaveText(zh("srm.orderEntry.errors.quantityPositive"));
  await shoot(buyer, "po-entry");
  await expect(buyer).toHaveURL(/\/srm\/orders\/new$/);
  await lines.nth(1).getByTestId("line-quantity").fill("50");
  await buyer.getByTestId("order-entry-submit").click();

  // The new order's page: its lines and the confirmation flow waiting for the supplier.
  await buyer.waitForURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  const number = /PO-\d{8}-\d{4}/.exec(await buyer.locator("h1").innerText())?.[0];
  expect(number).toBeTruthy();
  await expect(buyer.getByTestId("order-line")).toHaveCount(2);
  await expect(buyer.getByTestId("order-line").nth(0).getByTestId("line-original")).toContainText("300 件");
  await expect(buyer.getByTestId("order-line").nth(1).getByTestId("line-confirmed")).toHaveText(zh("srm.orderDetail.notConfirmed"));
  const flow = buyer.getByTestId("order-flow").filter({ hasText: "采购订单确认" });
  await expect(flow).toHaveAttribute("data-status", "running");
  await expect(flow.getByTestId("flow-waiting")).toContainText(`供应商确认订单」：${SUPPLIERS.supplier1.company}`);
  await expect(buyer.getByTestId("history-entry").filter({ hasText: `李娜 ${zh("srm.orderDetail.events.created")}` })).toHaveCount(1);

  // The supplier confirms the order in the portal: all of line 1, 40 of line 2, a week later than asked.
  const supplier = await browser.newPage();
  await signInSupplier(supplier, "supplier1");
  await supplier.goto("/portal/tasks");
  const row = supplier.getByTestId("task-row").filter({ hasText: number! });
  await expect(row).toHaveCount(1);
  await row.getByTestId("task-link").click();
  await expect(supplier.getByTestId("task-title")).toHaveText("供应商确认订单");
  const confirmed = shanghaiDay(19);
  await supplier.getByTestId("field-response").getByRole("radio", { name: "按订单确认" }).check();
  await supplier.locator("#task-confirmedDate").fill(confirmed);
  const inputs = supplier.getByTestId("field-confirmedQuantities").getByTestId("line-row").locator("input");
  await expect(inputs).toHaveCount(2);
  await inputs.nth(1).fill("40");
  await supplier.locator("#task-supplierRef").fill("SQ-E2E-PO");
  await supplier.getByTestId("task-complete").click();
  await expect(supplier.getByTestId("task-done")).toBeVisible();
  await supplier.close();

  // The buyer reads what the supplier confirmed, per line, and the history in words.
  const confirmedDay = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(`${confirmed}T00:00:00+08:00`));
  await expect(async () => {
    await buyer.reload();
    await expect(buyer.getByTestId("order-status")).toContainText(zh("srm.orderStatus.confirmed"), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const [l1, l2] = [buyer.getByTestId("order-line").nth(0), buyer.getByTestId("order-line").nth(1)];
  await expect(l1.getByTestId("line-confirmed")).toContainText("300 件");
  await expect(l2.getByTestId("line-confirmed")).toContainText("40 件");
  await expect(l2.getByTestId("line-confirmed")).toContainText(confirmedDay);
  await expect(l2.getByTestId("line-original")).toContainText("50 件");
  await expect(buyer.getByTestId("order-supplierRef")).toContainText("SQ-E2E-PO");
  const history = buyer.getByTestId("order-history");
  await expect(history.getByTestId("history-entry").filter({ hasText: `${SUPPLIERS.supplier1.user} · ${SUPPLIERS.supplier1.company} 完成了「供应商确认订单」` })).toHaveCount(1);
  const confirmation = history.locator('[data-kind="confirmed"]');
  await expect(confirmation).toContainText(zh("srm.orderDetail.events.confirmed"));
  await expect(confirmation.getByTestId("history-details")).toContainText("第 2 行 确认 40 件（订购 50 件）");
  await expect(confirmation.getByTestId("history-details")).toContainText(`确认交期 ${confirmedDay}`);
  await expect(buyer.getByTestId("order-sync-entry").filter({ hasText: "回写订单确认" }).first()).toBeVisible();
  await expect(buyer.getByTestId("on-time-rule")).toBeVisible();
  await shoot(buyer, "po-detail");

  // From the order to its supplier's archive, where the on-time delivery rate is shown with its rule.
  await buyer.getByTestId("order-supplier-link").click();
  await expect(buyer.getByTestId("on-time-rate")).toBeVisible();
  await expect(buyer.getByTestId("on-time-rate")).toContainText(zh("srm.onTime.title"));
  for (const [size, suffix] of [[DESKTOP, "desktop"], [PHONE, "phone"]] as const) {
    await buyer.setViewportSize(size);
    if (suffix === "phone") await expectNoSidewaysScroll(buyer);
    await buyer.screenshot({ path: path.join(DIR, `supplier-archive-on-time-${suffix}.png`), fullPage: false });
  }
  await buyer.setViewportSize(DESKTOP);
  await buyer.getByTestId("archive-orders").getByRole("link", { name: number! }).click();
  await expect(buyer).toHaveURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  await expect(buyer.locator("h1")).toContainText(number!);
});

test("an unknown or malformed order id is the 404 page, and a supplier user never sees the order pages", async ({ page }) => {
  await signInEmployee(page, "lina");
  for (const id of ["not-an-id", "00000000-0000-4000-8000-000000000000"]) {
    const res = await page.goto(`/srm/orders/${id}`);
    expect(res?.status()).toBe(404);
  }
  const other = await page.context().browser()!.newPage();
  await signInSupplier(other, "supplier2");
  await other.goto("/srm/orders/new");
  await expect(other).toHaveURL(/\/login/);
});
