import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// Issue 16: a sales lead imports customers from a GBK CSV as Chinese Excel saves it: the
// columns are mapped from their Chinese headers, the preview shows the bad credit code and
// the existing customer the file repeats, the lead updates that one, the import runs as a
// job whose progress survives a reload, and the error report names the bad row and why.

const NEW_ROWS = 1200;
const shoot = (page: Parameters<typeof shootReadable>[0], name: string) => shootReadable(page, name, /Excel|\.xlsx|CU\d{6}|[0-9A-Z]{18}|GBK|GB18030|gaoyan|\d{3,4}-\d{4}[ -]?\d{4}/g);

function gbkFile() {
  const lines = [
    "客户名称,统一社会信用代码,联系人,联系电话,地区,客户级别,负责人",
    "南通庚一精密机械有限公司,,许一,0513-8100 0001,江苏南通,A,gaoyan",
    "南通庚二模具有限公司,91320594MA1MXY8J2T,许二,0513-8100 0002,江苏南通,B,",
    "江苏恒立液压股份有限公司,,汪涛,0519-6999 7777,江苏常州,A,",
    ...Array.from({ length: NEW_ROWS }, (_, i) => `南通庚${String(i).padStart(4, "0")}号五金有限公司,,,,江苏南通,C,`),
  ];
  return iconv.encode(lines.join("\r\n") + "\r\n", "gbk");
}

test("a lead imports a GBK CSV: mapped, checked, the duplicate updated, progress through a reload, the error report", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await employeePage(browser, "zhoujie");
  await page.goto("/crm/customers");
  await page.getByTestId("import-customers").click();
  await expect(page).toHaveURL(/\/crm\/customers\/import$/);
  await expect(page.getByText(zh("crmImport.upload.hint", { maxMb: 20 }))).toBeVisible();

  await page.getByTestId("import-file").setInputFiles({ name: "客户导入.csv", mimeType: "text/csv", buffer: gbkFile() });
  await expect(page).toHaveURL(/\/crm\/customers\/import\?run=/, { timeout: 30_000 });
  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toContainText(zh("crmImport.map.encoding", { encoding: "GBK / GB18030" }));
  await expect(page.getByTestId("map-name")).toHaveValue("0");
  await expect(page.getByTestId("map-creditCode")).toHaveValue("1");
  await expect(page.getByTestId("map-owner")).toHaveValue("6");
  await expect(page.getByTestId("map-email")).toHaveValue("");
  await shoot(page, "crm-import-mapping");

  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toHaveText(zh("crmImport.preview.summary", { total: NEW_ROWS + 3, invalid: 1 }), { timeout: 30_000 });
  await expect(page.locator('[data-testid="preview-row"][data-row="3"] [data-testid="preview-check"]')).toHaveText(zh("validation.credit_code_checksum"));
  const group = page.locator('[data-testid="import-group"][data-label="江苏恒立液压股份有限公司"]');
  await expect(group).toContainText(/已有客户：CU\d{6} 江苏恒立液压股份有限公司/);
  await group.getByTestId("group-decision").selectOption("update");
  await shoot(page, "crm-import-preview");

  await page.getByTestId("import-start").click();
  const run = page.getByTestId("import-run");
  await expect(run).toBeVisible();
  // The progress lives in the import's row: a reload shows it again.
  await page.reload();
  await expect(run).toBeVisible();
  await expect(run).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  await expect(page.getByTestId("count-created")).toHaveText(String(NEW_ROWS + 1));
  await expect(page.getByTestId("count-updated")).toHaveText("1");
  await expect(page.getByTestId("count-failed")).toHaveText("1");
  await expect(page.getByTestId("count-skipped")).toHaveText("0");
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await shoot(page, "crm-import-done");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-report").click()]);
  expect(download.suggestedFilename()).toMatch(/^客户导入错误报告-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ""))));
  expect(rows).toEqual([
    ["行号", "客户名称", "统一社会信用代码", "联系人", "联系电话", "地区", "客户级别", "负责人", "结果", "原因"],
    ["3", "南通庚二模具有限公司", "91320594MA1MXY8J2T", "许二", "0513-8100 0002", "江苏南通", "B", "", "失败", zh("validation.credit_code_checksum")],
  ]);

  // The duplicate was updated, the lead's own row went to gaoyan (not sunli, whose coldest-first list another journey reads).
  await page.goto("/crm/customers?view=all&q=恒立液压");
  await page.getByTestId("customer-row").filter({ hasText: "江苏恒立液压股份有限公司" }).getByRole("link").first().click();
  await expect(page.locator("main")).toContainText("0519-6999 7777");
  await page.context().close();
});
