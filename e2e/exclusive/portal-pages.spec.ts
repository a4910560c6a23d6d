import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInEmployee, signInSupplier } from "../support/auth";
import { SUPPLIERS } from "../support/demo";
import { zh } from "../support/messages";
import { shootReadable } from "../support/layout";
import { fillNoticeLots, openPortalTask, receiveThroughSteps } from "../support/receiving-pages";
import { fillOrderEntry } from "../support/srm-pages";

// SRM-10: the supplier portal's home and lists. A buyer enters an order for S001; supplier1
// sees it waiting on its home, confirms it, ships it in one lot; the warehouse and quality
// receive it with a rejected quantity; supplier1 reads its orders, deliveries and receipts (and downloads
// them as Excel) and its documents. Other journeys move S001's demo order along, so only
// this journey's own order is asserted in detail. supplier2 gets the 404 page for it.

const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));

/**
 * Screenshots at desktop and phone width of a page that reads as Chinese (codes and names it shows aside;
 * the home also lists what other journeys left for S001, e.g. e2e/inbox-screenshots.spec.ts's 截图用质量异常（desktop）).
 */
const shoot = (page: Page, name: string) => shootReadable(page, name, /PO-\d{8}-\d{4}|DP-PO-\d{8}-\d{4}-\d+|GR-\d{8}-\d{4}|P-\d{4}|S\d{3}|SF-E2E-\d+|SQ-[A-Z0-9-]+|KB|Excel|ISO \d+|IATF \d+|（(desktop|phone)）/g);

test("supplier1 finds its order on the home, confirms and ships it, and reads its orders, deliveries, receipts (Excel) and documents", async ({ browser }) => {
  test.setTimeout(300_000);
  // The buyer enters an order for S001: 100 pieces of P-1001 in five days.
  const buyer = await browser.newPage();
  // liuyang buys and maintains suppliers: he also files a document to S001's archive.
  await signInEmployee(buyer, "liuyang");
  await buyer.goto("/srm/orders/new");
  await fillOrderEntry(buyer, `S001 · ${SUPPLIERS.supplier1.company}`, [{ product: "P-1001", quantity: "100", price: "0.4" }], shanghaiDay(5));
  await buyer.getByTestId("order-entry-submit").click();
  await buyer.waitForURL(/\/srm\/orders\/[0-9a-f-]{36}$/);
  const number = /PO-\d{8}-\d{4}/.exec(await buyer.locator("h1").innerText())![0];
  const orderUrl = new URL(buyer.url()).pathname.replace("/srm/", "/portal/");
  await buyer.getByTestId("order-supplier-link").click();
  const docName = `质量证书-${Date.now().toString().slice(-6)}.pdf`;
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  await buyer.getByTestId("archive-files").getByTestId("file-input").setInputFiles({ name: docName, mimeType: "application/pdf", buffer: pdf });
  await expect(buyer.getByTestId("archive-files").getByTestId("file").filter({ hasText: docName })).toHaveCount(1);
  await buyer.close();

  // supplier1's home: the order waits for its confirmation, by its number; its figures with their rules.
  const page = await browser.newPage();
  await signInSupplier(page, "supplier1");
  const waiting = page.getByTestId("portal-home-order").filter({ hasText: number });
  await expect(waiting).toHaveCount(1);
  await expect(page.getByTestId("on-time-rate")).toContainText(zh("srm.onTime.title"));
  await expect(page.getByTestId("on-time-rate")).toContainText(zh("srm.orderDetail.onTimeRule"));
  await expect(page.getByTestId("acceptance-rate")).toContainText(zh("portalPages.home.acceptanceRule"));
  for (const item of ["orders", "deliveries", "receipts", "documents"]) await expect(page.getByRole("navigation").first().getByRole("link", { name: zh(`portalPages.nav.${item}`) }).first()).toBeAttached();
  await shoot(page, "portal-home");

  // The count opens the list of orders waiting; the order is listed by its number and opens.
  await page.getByTestId("portal-home-orders-count").click();
  await expect(page).toHaveURL(/\/portal\/orders\?status=open$/);
  const row = page.getByTestId("portal-order-row").filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("quantity-ordered")).toContainText("100 件");
  await page.goto("/portal/orders");
  await expect(page.getByTestId("portal-order-row").filter({ hasText: number })).toHaveCount(1);
  await shoot(page, "portal-orders");
  await page.getByTestId("portal-order-row").filter({ hasText: number }).getByTestId("portal-order-number").click();
  await expect(page).toHaveURL(new RegExp(`${orderUrl}$`));
  await expect(page.locator("h1")).toContainText(number);
  await expect(page.getByTestId("portal-order-line")).toHaveCount(1);
  await expect(page.getByTestId("portal-order-line")).toContainText("100 件");
  await shoot(page, "portal-order");

  // Confirm from the order page's task link: 100 pieces, in four days.
  await page.getByTestId("portal-order-task").click();
  await expect(page.getByTestId("task-title")).toHaveText("供应商确认订单");
  await page.getByTestId("field-response").getByRole("radio", { name: "按订单确认" }).check();
  await page.locator("#task-confirmedDate").fill(shanghaiDay(4));
  await page.locator("#task-supplierRef").fill("SQ-E2E-PORTAL");
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();

  // The delivery plan arrives (a job after the write-back); it is listed as planned, then shipped.
  const plan = `DP-${number}-1`;
  const planRow = page.getByTestId("portal-delivery-row").filter({ hasText: plan });
  await expect(async () => {
    await page.goto("/portal/deliveries");
    await expect(planRow).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(planRow.getByTestId("portal-delivery-lines")).toContainText("100 件");
  await openPortalTask(page, plan, "供应商发货");
  await page.locator("#task-shippedDate").fill(shanghaiDay(0));
  const waybill = `SF-E2E-${Date.now().toString().slice(-6)}`;
  await page.locator("#task-waybillNo").fill(waybill);
  await fillNoticeLots(page, [[[`LOT-P-${waybill.slice(-6)}`, "100"]]]);
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
  // The shipment is recorded on the plan by the flow's next step (a job after commit).
  await expect(async () => {
    await page.goto(`/portal/deliveries?q=${encodeURIComponent(plan)}`);
    await expect(planRow.getByTestId("portal-delivery-waybill")).toHaveText(waybill, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(planRow).toContainText(zh("srm.planStatus.shipped"));
  await shoot(page, "portal-deliveries");

  // The warehouse counts, quality rejects 5 of the 100, the rest is put away and the summary confirmed.
  await receiveThroughSteps(browser, number, [{ lot: `LOT-P-${waybill.slice(-6)}`, result: "fail", rejected: "5", defect: "外观不良" }]);

  // The receipt library: the receipt of this order with its rejected quantity; the Excel has the same.
  const receiptRow = page.getByTestId("portal-receipt-row").filter({ hasText: number });
  await expect(async () => {
    await page.goto(`/portal/receipts?q=${encodeURIComponent(number)}`);
    await expect(receiptRow).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(receiptRow.getByTestId("portal-receipt-line")).toContainText("收货 100 件，合格 95 件");
  await expect(receiptRow.getByTestId("portal-receipt-rejected")).toHaveText("不合格 5 件");
  const receiptNumber = (await receiptRow.getAttribute("data-number"))!;
  await shoot(page, "portal-receipts");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("portal-receipts-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^收货记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  expect(sheet.name).toBe("收货记录");
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["收货单号", "收货时间", "订单号", "送货计划", "行号", "物料", "物料名称", "单位", "收货数量", "合格数量", "不合格数量"]);
  const rows: unknown[][] = [];
  sheet.eachRow((r, i) => {
    if (i > 1) rows.push((r.values as unknown[]).slice(1));
  });
  // The list's filter (this order's number) is the export's: exactly its one line.
  expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[7], r[8], r[9], r[10]])).toEqual([[receiptNumber, number, plan, 1, "P-1001", "件", 100, 95, 5]]);

  // The home now counts a receipt with rejections; the documents list is the supplier's own.
  await page.goto("/portal");
  await expect(page.getByTestId("portal-home-receipts")).toContainText(receiptNumber);
  await expect(page.getByTestId("acceptance-value").first()).not.toHaveText("—");
  await expect(page.getByTestId("portal-home-documents")).toContainText(docName);
  await page.goto("/portal/documents");
  const doc = page.getByTestId("portal-document-row").filter({ hasText: docName });
  await expect(doc).toContainText(zh("portalPages.documents.company"));
  const [file] = await Promise.all([page.waitForEvent("download"), doc.getByTestId("portal-document-name").click()]);
  expect(file.suggestedFilename()).toBe(docName);
  await shoot(page, "portal-documents");
  await page.close();

  // supplier2 opening that order gets the 404 page, which names nothing of it.
  const other = await browser.newPage();
  await signInSupplier(other, "supplier2");
  const res = await other.goto(orderUrl);
  expect(res?.status()).toBe(404);
  await expect(other.locator("h1")).toHaveText(zh("errors.notFoundPage"));
  await expect(other.locator("body")).not.toContainText(number);
  expect((await other.request.get(`/portal/receipts/export?q=${encodeURIComponent(number)}`)).ok()).toBe(true);
  await other.goto(`/portal/receipts?q=${encodeURIComponent(number)}`);
  await expect(other.getByTestId("portal-receipt-row")).toHaveCount(0);
  await other.goto("/portal/documents");
  await expect(other.getByTestId("portal-documents")).not.toContainText(docName);
  await other.close();
});

test("an employee is not let into the portal lists, nor into their export", async ({ page }) => {
  await signInEmployee(page, "lina");
  for (const path of ["/portal/orders", "/portal/deliveries", "/portal/receipts", "/portal/documents"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/portal\/login\?notice=wrongRealm$/);
  }
  const res = await page.request.get("/portal/receipts/export");
  expect(res.status()).toBe(403);
});
