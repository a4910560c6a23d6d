import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInEmployee } from "./support/auth";
import { zh } from "./support/messages";

/*
 * Custom fields (issue 14): an administrator adds a choice list "供应商等级" (shown in
 * the list) and a required number "年产能（吨）" to suppliers; a buyer registers a
 * supplier, is told the number is missing, then succeeds; the archive shows the
 * values; the supplier list filters by 等级 and exports the filtered list to Excel.
 *
 * The required field would refuse every other journey's registration, so it is
 * switched off as soon as the registration is through, and both fields at the end.
 */
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const SUPPLIER = { code: "CF01", name: "CF 苏州精工铸造有限公司" };

/** A full-page screenshot at desktop and phone width; the page never scrolls sideways. */
async function shootBoth(page: Page, name: string) {
  for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => document.fonts.ready);
    const box = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(box.scrollWidth, `${name} at ${size} width`).toBeLessThanOrEqual(box.innerWidth);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function addField(page: Page, f: { key: string; type: string; zh: string; en: string; required?: boolean; inList?: boolean; options?: [string, string, string][] }) {
  await page.getByTestId("custom-field-new").click();
  const dialog = page.getByRole("dialog", { name: zh("customFields.form.new") });
  await dialog.locator("#cf-key").fill(f.key);
  await dialog.locator("#cf-type").selectOption(f.type);
  await dialog.locator("#cf-label-zh").fill(f.zh);
  await dialog.locator("#cf-label-en").fill(f.en);
  if (f.required) await dialog.locator("#cf-required").check();
  if (f.inList) await dialog.locator("#cf-in-list").check();
  for (const [i, [value, labelZh, labelEn]] of (f.options ?? []).entries()) {
    if (i > 0) await dialog.getByTestId("custom-field-add-option").click();
    await dialog.locator(`#cf-opt-${i}-value`).fill(value);
    await dialog.locator(`#cf-opt-${i}-zh`).fill(labelZh);
    await dialog.locator(`#cf-opt-${i}-en`).fill(labelEn);
  }
  await dialog.getByTestId("custom-field-save").click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`[data-testid=custom-field-row][data-key=${f.key}]`)).toContainText(f.zh);
}

async function switchOff(page: Page, key: string) {
  const row = page.locator(`[data-testid=custom-field-row][data-key=${key}]`);
  await expect(row.getByTestId("custom-field-toggle")).toHaveText(zh("common.deactivate"));
  await row.getByTestId("custom-field-toggle").click();
  // Done once the button offers to switch it on again.
  await expect(row.getByTestId("custom-field-toggle")).toHaveText(zh("common.activate"));
}

test("an administrator adds supplier fields; a buyer registers with them, finds the supplier by 等级 and exports the list", async ({ page: admin, browser }) => {
  await signInEmployee(admin, "admin");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: zh("admin.cards.customFields.title") }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: zh("customFields.title") })).toBeVisible();
  await expect(admin.getByTestId("custom-field-table")).toContainText(zh("customFields.list.empty"));

  // A key that is not an identifier is refused with the field's message.
  await admin.getByTestId("custom-field-new").click();
  const dialog = admin.getByRole("dialog", { name: zh("customFields.form.new") });
  await dialog.locator("#cf-key").fill("供应商等级");
  await dialog.locator("#cf-label-zh").fill("供应商等级");
  await dialog.locator("#cf-label-en").fill("Supplier grade");
  await dialog.getByTestId("custom-field-save").click();
  await expect(dialog.getByText(zh("validation.custom_field_key_format"))).toBeVisible();
  await dialog.getByRole("button", { name: zh("common.cancel") }).click();

  await addField(admin, { key: "grade", type: "select", zh: "供应商等级", en: "Supplier grade", inList: true, options: [["A", "A 级", "Grade A"], ["B", "B 级", "Grade B"], ["C", "C 级", "Grade C"]] });
  await addField(admin, { key: "annualCapacity", type: "number", zh: "年产能（吨）", en: "Annual capacity (t)", required: true });
  const grade = admin.locator("[data-testid=custom-field-row][data-key=grade]");
  await expect(grade).toContainText(zh("customFields.types.select"));
  await expect(grade).toContainText("B 级");

  // The buyer registers a supplier: without the required number the form says so at the field.
  const buyer = await browser.newPage();
  await signInEmployee(buyer, "liuyang");
  await buyer.goto("/srm/suppliers/new");
  await buyer.locator("#reg-code").fill(SUPPLIER.code);
  await buyer.locator("#reg-name").fill(SUPPLIER.name);
  await buyer.locator("#reg-taxCode").selectOption("VAT13");
  await buyer.locator("#reg-paymentTermCode").selectOption("NET30");
  await buyer.locator("#reg-contactName").fill("周明");
  await buyer.locator("#reg-custom-grade").selectOption("A");
  await buyer.getByTestId("register-submit").click();
  await expect(buyer.getByTestId("custom-input-annualCapacity").getByRole("alert")).toHaveText(zh("validation.required"));
  await expect(buyer).toHaveURL(/\/srm\/suppliers\/new$/);
  await buyer.locator("#reg-custom-annualCapacity").fill("12吨");
  await buyer.getByTestId("register-submit").click();
  await expect(buyer.getByTestId("custom-input-annualCapacity").getByRole("alert")).toHaveText(zh("validation.not_a_number"));
  await buyer.locator("#reg-custom-annualCapacity").fill("1200");
  await buyer.getByTestId("register-submit").click();
  await expect(buyer).toHaveURL(/\/srm\/suppliers\/[0-9a-f-]{36}$/);
  const archive = buyer.url();

  // The archive shows the values, formatted.
  const values = buyer.getByTestId("archive-custom");
  await expect(values).toContainText(zh("customFields.values.section"));
  await expect(values.getByTestId("custom-value-grade")).toContainText("供应商等级");
  await expect(values.getByTestId("custom-value-grade")).toContainText("A 级");
  await expect(values.getByTestId("custom-value-annualCapacity")).toContainText("年产能（吨）");
  await expect(values.getByTestId("custom-value-annualCapacity")).toContainText("1,200");
  await shootBoth(buyer, "custom-fields-supplier-archive");

  // Registration is through: the required field goes off again (other journeys register suppliers too).
  await switchOff(admin, "annualCapacity");
  await shootBoth(admin, "custom-fields-admin");

  // A switched-off field's value stays readable, marked; the buyer changes the grade, and the history says so.
  await buyer.goto(archive);
  await expect(values.getByTestId("custom-value-annualCapacity")).toContainText("1,200");
  await expect(values.getByTestId("custom-value-annualCapacity")).toContainText(zh("customFields.values.switchedOff"));
  await buyer.getByTestId("custom-values-edit").click();
  const edit = buyer.getByRole("dialog", { name: zh("customFields.values.editTitle") });
  await expect(edit.locator("#edit-custom-annualCapacity")).toHaveCount(0);
  await edit.locator("#edit-custom-grade").selectOption("B");
  await edit.getByTestId("custom-values-save").click();
  await expect(edit).toBeHidden();
  await expect(values.getByTestId("custom-value-grade")).toContainText("B 级");
  await expect(buyer.getByTestId("archive-history")).toContainText(zh("admin.audit.actions.supplier_custom_update"));
  await expect(buyer.getByTestId("archive-history-changes").first()).toContainText("供应商等级：A 级 → B 级");

  // The supplier list: 等级 as a column and a filter.
  await buyer.goto("/srm?tab=suppliers");
  await expect(buyer.getByTestId("suppliers")).toContainText("供应商等级");
  await buyer.locator("#f-cf-grade").selectOption("B");
  await buyer.getByRole("button", { name: zh("srm.filter.search") }).click();
  await expect(buyer).toHaveURL(/cf_grade=B/);
  await expect(buyer.getByTestId("supplier-row")).toHaveCount(1);
  await expect(buyer.getByTestId("supplier-row")).toHaveAttribute("data-code", SUPPLIER.code);
  await expect(buyer.getByTestId("supplier-row").getByTestId("custom-cell-grade")).toHaveText("B 级");
  await buyer.goto("/srm?tab=suppliers&cf_grade=A");
  await expect(buyer.getByTestId("suppliers")).toContainText(zh("srm.suppliers.empty"));

  // The export downloads the filtered list as .xlsx, with 供应商等级 in its header row.
  await buyer.goto("/srm?tab=suppliers&cf_grade=B");
  const [download] = await Promise.all([buyer.waitForEvent("download"), buyer.getByTestId("export-suppliers").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain("供应商等级");
  expect(header[0]).toBe(zh("srm.suppliers.code"));
  const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  expect(rows.map((r) => [r[0], r[header.indexOf("供应商等级")]])).toEqual([[SUPPLIER.code, "B 级"]]);
  await buyer.close();

  // Both fields off again: the supplier screens look as before for the other journeys.
  await switchOff(admin, "grade");
});
