import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { employeePage } from "./support/admin-pages";
import { shootReadable } from "./support/layout";
import { zh } from "./support/messages";

// CRM-3: the south team's sales lead imports a trade fair's list, a GBK CSV as Chinese Excel
// saves it: columns mapped from their Chinese headers, the lead his team has already found
// and a bad row shown in the preview, the rest imported as a job with the source classified
// and the owner assigned by the rules; the error report names the bad rows; then he
// corrects a lead he imported.

const shoot = (page: Page, name: string) => shootReadable(page, name, /Excel|\.xlsx|LD\d{6}|GBK|GB18030|\d{3,4}-\d{4}[ -]?\d{4}|1\d{10}|EXPO\w*/g);

function gbkFile() {
  const lines = [
    "公司名称,联系人,手机,地区,行业,来源渠道,备注",
    "深圳市汇川精密技术有限公司,邓工,13912345678,广东深圳,自动化设备,,深圳工博会展位来访",
    "佛山市精锐模具有限公司,梁伟,0757-2233 4455,广东佛山,模具,转介绍,",
    ",王五,13700000000,广东广州,,,",
    "珠海格瑞电子有限公司,孙静,0756-12,广东珠海,电子,官网,",
  ];
  return iconv.encode(lines.join("\r\n") + "\r\n", "gbk");
}

test("a sales lead imports leads from a GBK CSV: mapped, checked, duplicates skipped, classified and assigned, the error report; then edits one", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await employeePage(browser, "heqiang");
  await page.goto("/crm/leads");
  await page.getByTestId("import-leads").click();
  await expect(page).toHaveURL(/\/crm\/leads\/import$/);
  await page.getByTestId("import-file").setInputFiles({ name: "展会名单.csv", mimeType: "text/csv", buffer: gbkFile() });
  await expect(page).toHaveURL(/\/crm\/leads\/import\?run=/, { timeout: 30_000 });
  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toContainText(zh("crmImport.map.encoding", { encoding: "GBK / GB18030" }));
  await expect(mapping).toContainText(zh("leadImport.map.hint"));
  await expect(page.getByTestId("map-companyName")).toHaveValue("0");
  await expect(page.getByTestId("map-phone")).toHaveValue("2");
  await expect(page.getByTestId("map-channel")).toHaveValue("5");
  await expect(page.getByTestId("map-remark")).toHaveValue("6");
  await shoot(page, "crm-lead-import-mapping");

  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toHaveText(zh("crmImport.preview.summary", { total: 4, invalid: 2 }), { timeout: 30_000 });
  const group = page.locator('[data-testid="import-group"][data-label="佛山市精锐模具有限公司"]');
  await expect(group).toContainText(/已有：LD\d{6} 佛山市精锐模具有限公司/);
  await shoot(page, "crm-lead-import-preview");

  await page.getByTestId("import-start").click();
  const run = page.getByTestId("import-run");
  await expect(run).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  await expect(page.getByTestId("count-created")).toHaveText("1");
  await expect(page.getByTestId("count-skipped")).toHaveText("1");
  await expect(page.getByTestId("count-failed")).toHaveText("2");
  await shoot(page, "crm-lead-import-done");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-report").click()]);
  expect(download.suggestedFilename()).toMatch(/^线索导入错误报告-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ""))));
  expect(rows.map((r) => [r[0], r[1], r.at(-2)])).toEqual([
    ["行号", "公司名称", "结果"],
    ["3", "佛山市精锐模具有限公司", "已跳过"],
    ["4", "", "失败"],
    ["5", "珠海格瑞电子有限公司", "失败"],
  ]);

  // The new lead: an exhibition by the keyword in its remark, the south team's by its region; he corrects it.
  await page.goto("/crm/leads?view=team");
  await page.getByTestId("lead-row").filter({ hasText: "深圳市汇川精密技术有限公司" }).getByRole("link").first().click();
  await expect(page.getByTestId("lead-source")).toHaveText(zh("leads.sources.exhibition"));
  await page.getByTestId("lead-edit").click();
  await expect(page).toHaveURL(/\/crm\/leads\/[0-9a-f-]{36}\/edit$/);
  await page.locator("#lead-contactName").fill("邓志强");
  await page.locator("#lead-channel").fill("转介绍");
  await page.locator("#lead-remark").fill("");
  await shoot(page, "crm-lead-edit");
  await page.getByTestId("lead-submit").click();
  await expect(page).toHaveURL(/\/crm\/leads\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("lead-profile")).toContainText("邓志强");
  await expect(page.getByTestId("lead-source")).toHaveText(zh("leads.sources.referral"));
  await page.context().close();
});
