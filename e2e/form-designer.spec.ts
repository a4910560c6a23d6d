import fs from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { addField, designer, notice, openDesigner, openGroup, property, setProperty, shoot } from "./support/form-designer";
import { zh } from "./support/messages";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function ownerPage(browser: Browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true });
  const page = await context.newPage();
  await signInEmployee(page, "admin");
  return page;
}

test("a process owner designs a sample request form, publishes two versions, compares them, exports and imports it", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const key = `e2e_sample_${stamp}`;
  const page = await ownerPage(browser);

  // From the processes area to the forms.
  await page.goto("/processes");
  await page.getByRole("link", { name: zh("forms.list.title"), exact: true }).click();
  await expect(page.getByRole("heading", { name: zh("forms.list.title") })).toBeVisible();
  await expect(page.getByTestId("forms").locator('tr[data-key="approval"]')).toContainText(zh("forms.list.source.shipped"));
  await page.getByRole("link", { name: zh("forms.list.new") }).click();
  await expect(designer(page)).toHaveAttribute("data-ready", "true", { timeout: 60_000 });

  // The palette and the properties panel speak Chinese.
  const palette = page.getByTestId("form-palette");
  for (const type of ["textfield", "number", "textarea", "supplier", "decision", "lineQuantities"]) {
    await expect(palette.locator(`button[data-field-type="${type}"]`)).toContainText(zh(`forms.fields.types.${type}`));
  }
  await expect(palette).toContainText("组件");
  await expect(palette.locator('button[data-field-type="filepicker"]')).toHaveCount(0);

  await page.getByLabel(zh("forms.designer.key")).fill(key);
  await page.getByLabel(zh("forms.designer.titleZh")).fill("E2E 样品申请单");
  await page.getByLabel(zh("forms.designer.titleEn")).fill("E2E sample request");

  await addField(page, "textfield");
  await expect(page.getByTestId("form-properties")).toContainText("常规");
  await setProperty(page, "label", "样品名称");
  await setProperty(page, "key", "sampleName");

  await addField(page, "number");
  await setProperty(page, "label", "申请数量");
  await setProperty(page, "key", "quantity");
  await setProperty(page, "ff-labelEn", "Quantity");
  await openGroup(page, "validation");
  await property(page, "required").check();
  await setProperty(page, "min", "1");

  await addField(page, "textarea");
  await setProperty(page, "label", "用途说明");
  await setProperty(page, "key", "purpose");
  await openGroup(page, "condition");
  await setProperty(page, "conditional-hide", "quantity < 10");

  // The server's check: what it will store and validate.
  await page.getByTestId("form-check").click();
  await expect(notice(page)).toHaveText(zh("forms.designer.checkOk", { fields: 3, required: 1, conditional: 1 }));

  const panel = page.getByTestId("form-properties");
  await expect(panel).toContainText("显示条件");
  await expect(panel).not.toContainText("General");
  await expect(panel).not.toContainText("Validation");
  await shoot(page, "form-designer-desktop");

  // The preview: the reason appears only for 10 or more; below the minimum is refused.
  await page.getByRole("tab", { name: zh("forms.designer.tabPreview") }).click();
  const preview = page.getByTestId("form-preview");
  await expect(preview).toHaveAttribute("data-ready", "true");
  await expect(preview.getByLabel("用途说明")).toHaveCount(0);
  await preview.getByLabel("申请数量").fill("0");
  await page.getByTestId("preview-submit").click();
  await expect(preview).toContainText("不能小于 1。");
  await preview.getByLabel("申请数量").fill("20");
  await expect(preview.getByLabel("用途说明")).toBeVisible();
  await page.getByRole("tab", { name: zh("forms.designer.tabDesign") }).click();

  // Saved as a draft, the form gets its own page; publishing makes version 1.
  await page.getByTestId("form-save").click();
  await page.waitForURL(`**/processes/forms/${key}`);
  await expect(notice(page)).toHaveText(zh("forms.designer.draftSaved"));
  await expect(designer(page)).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await page.getByTestId("form-publish").click();
  await expect(notice(page)).toHaveText(zh("forms.designer.published", { version: 1 }));
  await expect(page.getByTestId("form-versions").locator('tr[data-version="1"]')).toBeVisible();

  // Publishing again without a change is refused.
  await page.getByTestId("form-publish").click();
  await expect(notice(page)).toHaveText(zh("errors.form_unchanged"));

  // A new label is version 2.
  await page.getByTestId("form-canvas").locator('.fjs-element[data-field-type="number"]').click();
  await openGroup(page, "general");
  await setProperty(page, "label", "样品数量");
  // The label editor writes after a pause; the canvas shows when it has.
  await expect(page.getByTestId("form-canvas").locator('.fjs-element[data-field-type="number"]')).toContainText("样品数量");
  await page.getByTestId("form-publish").click();
  await expect(notice(page)).toHaveText(zh("forms.designer.published", { version: 2 }));
  const v2 = page.getByTestId("form-versions").locator('tr[data-version="2"]');
  await expect(v2).toBeVisible();

  // The difference names the field and the changed label, in words.
  await v2.getByTestId("version-compare-previous").click();
  const diff = page.getByTestId("form-diff");
  await expect(diff).toContainText(zh("forms.diff.title", { from: 1, to: 2 }));
  const changed = diff.locator('[data-change="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText("样品数量");
  await expect(changed.locator('[data-prop="label"]')).toHaveText("标签：申请数量 → 样品数量");
  await expect(diff).not.toContainText("{");

  // Export version 2 as a .form file, then import it back: it becomes the draft.
  const [download] = await Promise.all([page.waitForEvent("download"), v2.getByTestId("version-export").click()]);
  expect(download.suggestedFilename()).toBe(`${key}-v2.form`);
  const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { id: string; titleZh: string; components: { key?: string; label?: string; validate?: { min?: unknown }; conditional?: { hide?: string } }[] };
  expect(file).toMatchObject({ id: key, titleZh: "E2E 样品申请单" });
  expect(file.components.find((c) => c.key === "quantity")).toMatchObject({ label: "样品数量", validate: { required: true, min: 1 } });
  expect(file.components.find((c) => c.key === "purpose")?.conditional?.hide).toBe("=quantity < 10");
  await page.getByTestId("form-import-file").setInputFiles({ name: `${key}.form`, mimeType: "application/json", buffer: fs.readFileSync((await download.path())!) });
  await expect(notice(page)).toHaveText(zh("forms.designer.imported"));
  await page.reload();
  await expect(designer(page)).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(page.getByTestId("form-status")).toContainText(zh("forms.designer.fromDraftOf", { version: 2 }));

  // A file that is not a form is refused, in words.
  await page.getByTestId("form-import-file").setInputFiles({ name: "broken.form", mimeType: "application/json", buffer: Buffer.from("{ nope") });
  await expect(notice(page)).toHaveText(zh("forms.import.notJson"));

  await shoot(page, "form-designer-versions-desktop");
  await page.goto("/processes/forms");
  const row = page.getByTestId("forms").locator(`tr[data-key="${key}"]`);
  await expect(row).toContainText("E2E 样品申请单");
  await expect(row).toContainText("v2");
  await expect(row).toContainText(zh("forms.list.draft"));
  await shoot(page, "form-list-desktop");
  await page.context().close();
});

test("the form list and the designer on a phone", async ({ browser }) => {
  const page = await ownerPage(browser, PHONE);
  await page.goto("/processes/forms");
  await expect(page.getByTestId("forms").locator('tr[data-key="approval"]')).toBeVisible();
  await shoot(page, "form-list-phone");
  await openDesigner(page, "/processes/forms/supplier_initial_review");
  await page.getByTestId("form-canvas").locator('.fjs-element[data-field-type="decision"]').click();
  await expect(page.getByTestId("form-properties")).toContainText(zh("forms.fields.types.decision"));
  await expect(page.getByTestId("form-palette")).toContainText(zh("forms.fields.types.textfield"));
  // Nothing wider than the phone: the page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shoot(page, "form-designer-phone");
  await page.context().close();
});
