import ExcelJS from "exceljs";
import { expect, test, type Download } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";
import { ORDER_STATUSES } from "../lib/srm/srm-lists.schema";

// A buyer filters the purchase orders by status and takes them to Excel: one row per
// order line, headers and statuses in Chinese, only the orders the filter shows.
// The receipt library carries the same button.

/** Order, plan, receipt and supplier numbers, codes and units the pages show as they are. */
const CODES = /(PUR|PO|DP|GR|SF|P|S|WH)[-\w]*\d+[-\w]*|ERP|Excel|pcs|kg/g;

async function readBook(download: Download) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const rows = book.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  return { header: rows[0], rows: rows.slice(1) };
}

test("a buyer exports the purchase orders the status filter shows, one row per line, in Chinese", async ({ page }) => {
  await signInEmployee(page, "liuyang");
  // Other journeys move the demo orders along meanwhile: filter by a status some order has now.
  let status: string | undefined;
  for (const s of ORDER_STATUSES) {
    await page.goto(`/srm?status=${s}`);
    if (await page.getByTestId("order-row").count()) {
      status = s;
      break;
    }
  }
  expect(status).toBeDefined();
  await page.goto("/srm");
  await page.locator("#f-status").selectOption(status!);
  await page.getByRole("button", { name: zh("srm.filter.search") }).click();
  await expect(page).toHaveURL(new RegExp(`status=${status}`));
  await expect(page.getByTestId("export-orders")).toHaveAttribute("href", new RegExp(`/srm/orders/export\\?status=${status}`));
  await shootReadable(page, "srm-orders-export", CODES);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-orders").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const { header, rows } = await readBook(download);
  expect(header.slice(0, 6)).toEqual(["订单号", "供应商编码", "供应商名称", "状态", "订单日期", "行号"]);
  expect(rows.length).toBeGreaterThan(0);
  // Only orders of that status, in words; quantities are numbers.
  for (const r of rows) {
    expect(r[3]).toBe(zh(`srm.orderStatus.${status}`));
    expect(typeof r[9]).toBe("number");
  }
  // Each order the filtered list's first page shows is in the workbook.
  const listed = await page.getByTestId("order-row").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-number")));
  expect(listed.length).toBeGreaterThan(0);
  expect([...new Set(rows.map((r) => r[0]))]).toEqual(expect.arrayContaining(listed));

  await page.goto("/srm/receipts");
  await expect(page.getByTestId("export-receipts")).toHaveText(zh("exports.button"));
  await shootReadable(page, "srm-receipts-export", CODES);
});
