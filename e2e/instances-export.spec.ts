import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";

/*
 * The process instance list exports what its filters select as .xlsx: the list's
 * columns, then the process's business data under its own labels (采购事项 for a
 * purchase requisition).
 */
test("an operator exports the purchase requisitions to Excel with their business data", async ({ page }) => {
  const bk = `E2E-EXPORT-${Date.now().toString(36).toUpperCase()}`;
  await signInEmployee(page, "admin");
  const res = await page.request.post("/api/workflow/processes/purchase_requisition/instances", { data: { businessKey: bk, data: { title: `E2E ${bk}`, amount: 300 } } });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto("/processes/instances?key=purchase_requisition");
  const link = page.getByTestId("export-instances");
  await expect(link).toHaveText(zh("processes.export.button"));
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain("业务编号");
  expect(header).toContain("采购事项");
  const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  expect(rows.find((r) => r[0] === bk)?.[header.indexOf("采购事项")]).toBe(`E2E ${bk}`);
});
