import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { shootReadable } from "../support/layout";
import { zh } from "../support/messages";
import { completeTask, fillNoticeLots, lotRow, openPortalTask, receiveThroughSteps } from "../support/receiving-pages";
import { fillOrderEntry } from "../support/srm-pages";

// SRM-8/9: receiving with lots. A buyer orders two items from S001; supplier1 confirms and
// ships them in three lots; the warehouse counts one lot short; quality rejects part of
// another lot for a defect; the accepted goods are put away to bins and the summary is
// confirmed; the receipt is in the library with its figures and posted to the ERP; supplier1
// sees the return in its portal, supplier2 gets a 404 for it. Changes S001's records: exclusive.

const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const CODES = /PO-\d{8}-\d{4}|DP-PO-\d{8}-\d{4}-\d+|GR-\d{8}-\d{4}|SR-\d{8}-\d{4}|LOT-[A-Z]-\d+|P-\d{4}|S\d{3}|SF-E2E-\d+|SQ-[A-Z0-9-]+|WH01(-[A-Z0-9]+)*|ERP|Office|PDF|Excel/g;
const shoot = (page: Page, name: string) => shootReadable(page, name, CODES);

test("a delivery in lots is counted, inspected with a partial rejection, put away, confirmed, posted, and its return reaches the supplier", async ({ browser }) => {
  test.setTimeout(420_000);
  const run = Date.now().toString().slice(-6);
  const [lotA, lotB, lotC] = ["A", "B", "C"].map((x) => `LOT-${x}-${run}`);

  const buyer = await browser.newPage();
  await signInEmployee(buyer, "liuyang");
  await buyer.goto("/srm/orders/new");
  await fillOrderEntry(buyer, `S001 · ${SUPPLIERS.supplier1.company}`, [{ product: "P-1002", quantity: "100", price: "4" }, { product: "P-2001", quantity: "50", price: "9" }], shanghaiDay(5));
  await buyer.getByTestId("order-entry-submit").click();
  await buyer.waitForURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  const number = /PO-\d{8}-\d{4}/.exec(await buyer.locator("h1").innerText())![0];
  const orderUrl = new URL(buyer.url()).pathname;

  // supplier1 confirms the order as ordered, then ships it in three lots.
  const supplier = await browser.newPage();
  await signInSupplier(supplier, "supplier1");
  await openPortalTask(supplier, number, "供应商确认订单");
  await supplier.getByTestId("field-response").getByRole("radio", { name: "按订单确认" }).check();
  await supplier.locator("#task-confirmedDate").fill(shanghaiDay(4));
  await supplier.locator("#task-supplierRef").fill("SQ-E2E-LOTS");
  await completeTask(supplier);
  const plan = `DP-${number}-1`;
  await openPortalTask(supplier, plan, "供应商发货");
  await supplier.locator("#task-shippedDate").fill(shanghaiDay(0));
  await supplier.locator("#task-waybillNo").fill(`SF-E2E-${run}`);
  const notice = supplier.getByTestId("field-shippedLots");
  await expect(notice.getByTestId("lot-line").first()).toContainText("铝合金散热片");
  await expect(notice.getByTestId("lot-line").first()).toContainText("100 件");
  // Lots that do not add up to the shipped quantity are refused, naming the line.
  await fillNoticeLots(supplier, [[[lotA, "60"], [lotB, "30"]], [[lotC, "50"]]]);
  await notice.getByTestId("lot-line").first().locator('input[data-field="shipped"]').fill("100");
  await supplier.getByTestId("task-complete").click();
  await expect(notice.getByRole("alert")).toContainText("各批次数量之和须等于发货数量");
  await expect(notice.getByRole("alert")).toContainText("90 ≠ 100");
  await notice.getByTestId("lot-line").first().locator('input[data-field="lotQuantity"]').nth(1).fill("40");
  await shoot(supplier, "receiving-notice");
  await completeTask(supplier);

  // Count: lot B is two short; quality rejects 10 of lot A (cosmetic defect); the rest goes to bins.
  await receiveThroughSteps(
    browser,
    number,
    [
      { lot: lotA, result: "fail", rejected: "10", defect: "外观不良", bin: "WH01-STOCK-A01" },
      { lot: lotB, counted: "38", bin: "WH01-STOCK-A02" },
      { lot: lotC, bin: "WH01-STOCK-B01" },
    ],
    async (step, page) => {
      if (step === "count") {
        await expect(lotRow(page, "lotCounts", lotB)).toContainText("-2");
        await expect(lotRow(page, "lotCounts", lotA)).toContainText(zh("receiving.form.noDifference"));
        await shoot(page, "receiving-count");
      }
      if (step === "inspect") {
        await expect(lotRow(page, "inspection", lotB)).toContainText("38");
        // The defect photo goes with the delivery's files (the task page's attachments).
        const photo = `缺陷照片-${run}.png`;
        const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
        await page.getByTestId("file-input").first().setInputFiles({ name: photo, mimeType: "image/png", buffer: png });
        await expect(page.getByTestId("file").filter({ hasText: photo })).toHaveCount(1);
        await shoot(page, "receiving-inspect");
      }
      if (step === "putaway") {
        await expect(lotRow(page, "putAway", lotA)).toContainText("50 件");
        await shoot(page, "receiving-putaway");
      }
      if (step === "summary") {
        const a = lotRow(page, "receiptSummary", lotA);
        await expect(a).toContainText("不合格（判退）");
        await expect(a).toContainText("外观不良");
        await expect(a).toContainText("A 区 01 号库位");
        await expect(a).toContainText(zh("receiving.form.rejectedToQuarantine"));
        await expect(lotRow(page, "receiptSummary", lotB)).toContainText("-2");
        await shoot(page, "receiving-summary");
      }
    },
  );

  // The receipt library: this order's receipt, posted, with its figures per line and lot.
  const row = buyer.getByTestId("receipt-row").filter({ hasText: number });
  await expect(async () => {
    await buyer.goto(`/srm/receipts?order=${encodeURIComponent(number)}`);
    await expect(row).toHaveCount(1, { timeout: 1000 });
    await expect(row).toContainText(zh("receiving.receipts.posted"), { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("2 行，3 个批次");
  await shoot(buyer, "receipts-list");
  await row.getByRole("link").first().click();
  await expect(buyer.locator("h1")).toContainText("收货单 GR-");
  const a = buyer.getByTestId("receipt-line").filter({ hasText: lotA });
  await expect(a).toContainText("50 件");
  await expect(a).toContainText("10 件");
  await expect(a).toContainText("外观不良");
  await expect(a).toContainText("WH01 存储区 · A 区 01 号库位");
  await expect(buyer.getByTestId("receipt-line").filter({ hasText: lotB })).toContainText("38 件");
  await expect(buyer.getByTestId("receipt-erp")).toHaveText(/GR-\d{8}-\d{4}/);
  await shoot(buyer, "receipt-detail");

  // The supplier archive rates the inspected lots: 3 inspected, 2 passed.
  await buyer.goto(orderUrl);
  await buyer.getByTestId("order-supplier-link").click();
  await expect(buyer.getByTestId("pass-rate")).toContainText(zh("receiving.passRate.title"));
  await expect(buyer.getByTestId("pass-rate-categories")).toContainText("五金结构件");

  // supplier1 sees the return: its home, the list and the detail.
  await supplier.goto("/portal");
  await expect(supplier.getByTestId("portal-home-returns")).toContainText(lotA);
  await supplier.goto("/portal/returns");
  const ret = supplier.getByTestId("portal-return-row").filter({ hasText: number });
  await expect(ret).toHaveCount(1);
  await expect(ret).toContainText("WH01-QC 隔离区");
  await expect(ret.getByTestId("portal-return-line")).toContainText(`批次 ${lotA}：退回 10 件`);
  await expect(ret.getByTestId("portal-return-line")).toContainText("外观不良");
  await shoot(supplier, "portal-returns");
  await ret.getByRole("link").first().click();
  await expect(supplier.locator("h1")).toContainText("退货单 SR-");
  const returnUrl = new URL(supplier.url()).pathname;
  await shoot(supplier, "portal-return");

  // Another supplier: the same address is a 404, and its list is empty of it.
  const other = await browser.newPage();
  await signInSupplier(other, "supplier2");
  const res = await other.goto(returnUrl);
  expect(res?.status()).toBe(404);
  await other.goto("/portal/returns");
  await expect(other.getByTestId("portal-return-row").filter({ hasText: number })).toHaveCount(0);
});
