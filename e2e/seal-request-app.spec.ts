import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { employeePage } from "./support/admin-pages";
import { openEditor, publish, replaceWithUserTask } from "./support/bpmn-editor";
import { addNamedField, designer, notice, openDesigner, openGroup, property, setProperty, shoot } from "./support/form-designer";
import { zh } from "./support/messages";
import { openGroupTask } from "./support/srm-pages";

/*
 * 一个产品没有内置的新应用，只用界面搭建：流程负责人设计「用印申请单」表单、画出
 * 「用印申请」流程（由财务部的印章管理员审批），设定采购组和销售组可以发起并发布。
 * 采购员在「发起流程」里找到它并提交，财务部印章管理员审批，流程负责人在实例列表里看到它并导出 Excel。
 */

/** The static options of the selected select field, set label by label (the designer starts it with one). */
async function setOptions(page: Page, options: { label: string; value: string; labelEn: string }[]) {
  const group = await openGroup(page, "staticOptions");
  for (const [i, o] of options.entries()) {
    if (i > 0) await group.locator(".bio-properties-panel-add-entry").click();
    const label = property(page, `staticOptions-${i}-label`);
    // An item opens when it is added; the first one is closed until its header is clicked.
    if (!(await label.isVisible())) await group.locator(".bio-properties-panel-collapsible-entry-header").nth(i).click();
    await setProperty(page, `staticOptions-${i}-label`, o.label);
    await setProperty(page, `staticOptions-${i}-value`, o.value);
    await setProperty(page, `staticOptions-${i}-labelEn`, o.labelEn);
  }
}

/** Appends an element to the selected one from its context pad (again if a change in the panel redrew the pad under the click). */
async function append(page: Page, action: "append-task" | "end-event") {
  const prefix = action === "append-task" ? "Activity_" : "Event_";
  const added = page.getByTestId("bpmn-modeler").locator(`.djs-shape[data-element-id^="${prefix}"]:not([data-element-id$="_label"])`);
  const before = await added.count();
  await expect(async () => {
    if ((await added.count()) === before) await page.locator(`.djs-context-pad [data-action="append.${action}"]`).click();
    await expect(added).toHaveCount(before + 1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Names the selected element in the panel; leaving the entry writes it at once instead of after the panel's pause. */
async function nameElement(page: Page, name: string) {
  const input = page.locator("#bio-properties-panel-ff-name");
  await input.fill(name);
  await input.blur();
  await expect(page.getByTestId("bpmn-properties").locator(".bio-properties-panel-header-label")).toHaveText(name);
}

test("用印申请：表单和流程都在界面上搭建，采购员发起，财务部印章管理员审批，实例可查可导出", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36).toLowerCase();
  const key = `seal_request_${stamp}`;
  const formKey = `seal_request_form_${stamp}`;
  const name = `用印申请 ${stamp}`;
  const owner = await employeePage(browser, "admin");

  // 1. The form.
  await openDesigner(owner, "/processes/forms/new");
  await owner.getByLabel(zh("forms.designer.key")).fill(formKey);
  await owner.getByLabel(zh("forms.designer.titleZh")).fill("用印申请单");
  await owner.getByLabel(zh("forms.designer.titleEn")).fill("Company seal request");
  await addNamedField(owner, "textfield", "文件名称", "documentName");
  await openGroup(owner, "validation");
  await property(owner, "required").check();
  await addNamedField(owner, "select", "印章类型", "sealType");
  await setOptions(owner, [
    { label: "公章", value: "company", labelEn: "Company seal" },
    { label: "合同专用章", value: "contract", labelEn: "Contract seal" },
    { label: "财务专用章", value: "finance", labelEn: "Finance seal" },
  ]);
  await openGroup(owner, "validation");
  await property(owner, "required").check();
  await addNamedField(owner, "number", "用印份数", "copies");
  await openGroup(owner, "validation");
  await property(owner, "required").check();
  await setProperty(owner, "min", "1");
  await setProperty(owner, "max", "20");
  await addNamedField(owner, "textarea", "用途说明", "purpose");
  await owner.getByTestId("form-check").click();
  await expect(notice(owner)).toHaveText(zh("forms.designer.checkOk", { fields: 4, required: 3, conditional: 0 }));
  await owner.getByTestId("form-save").click();
  await owner.waitForURL(`**/processes/forms/${formKey}`);
  await expect(designer(owner)).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await owner.getByTestId("form-publish").click();
  await expect(notice(owner)).toHaveText(zh("forms.designer.published", { version: 1 }));
  // The published version as a file: the options with their labels in both languages.
  const [file] = await Promise.all([owner.waitForEvent("download"), owner.getByTestId("form-versions").locator('tr[data-version="1"]').getByTestId("version-export").click()]);
  const schema = JSON.parse(fs.readFileSync((await file.path())!, "utf8")) as { components: { key?: string; values?: unknown[] }[] };
  expect(schema.components.find((c) => c.key === "sealType")?.values).toEqual([
    { label: "公章", value: "company", labelEn: "Company seal" },
    { label: "合同专用章", value: "contract", labelEn: "Contract seal" },
    { label: "财务专用章", value: "finance", labelEn: "Finance seal" },
  ]);

  // 2. The flow: who may start it, the start form, management's approval, the end.
  await openEditor(owner, "/processes/new");
  const panel = owner.getByTestId("bpmn-properties");
  await panel.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
  await owner.locator("#bio-properties-panel-ff-name").fill(name);
  await owner.locator("#bio-properties-panel-ff-id").fill(key);
  await owner.locator("#bio-properties-panel-ff-starter-purchasing").check();
  await owner.locator("#bio-properties-panel-ff-starter-sales").check();

  await owner.locator('.djs-shape[data-element-id="start"]').click();
  await nameElement(owner, "提交用印申请");
  await owner.locator("#bio-properties-panel-ff-formKey").selectOption(formKey);
  await append(owner, "append-task");
  await replaceWithUserTask(owner);
  await nameElement(owner, "印章管理员审批");
  await owner.locator("#bio-properties-panel-ff-candidateGroup-finance").check();
  await owner.locator("#bio-properties-panel-ff-formKey").selectOption("approval");
  await owner.locator("#bio-properties-panel-ff-dueDate").fill("P1D");
  await append(owner, "end-event");
  await expect(panel).toContainText("结束事件");
  await nameElement(owner, "已用印");
  await expect(owner.getByTestId("editor-status")).toHaveText(new RegExp(`^${zh("processes.editor.statusClean")}`));
  await shoot(owner, "seal-request-editor-desktop");
  expect(await publish(owner)).toBe(1);

  // 3. A buyer starts it from 发起流程; the warehouse manager does not see it.
  const clerk = await employeePage(browser, "zhaoqiang");
  await clerk.goto("/inbox/start");
  await expect(clerk.getByTestId("start-purchase_requisition")).toBeVisible();
  await expect(clerk.getByTestId(`start-${key}`)).toHaveCount(0);

  const buyer = await employeePage(browser, "lina");
  await buyer.goto("/inbox/start");
  await buyer.getByTestId(`start-${key}`).click();
  await expect(buyer.getByRole("heading", { name })).toBeVisible();
  await buyer.locator("#start-documentName").fill("苏州精密五金 2027 年度采购框架合同");
  await buyer.locator("#start-sealType").selectOption({ label: "合同专用章" });
  await buyer.locator("#start-copies").fill("0");
  await buyer.getByTestId("start-submit").click();
  await expect(buyer.getByTestId("field-copies").getByRole("alert")).toHaveText("不能小于 1。");
  await buyer.locator("#start-copies").fill("2");
  await buyer.locator("#start-purpose").fill("合同双方盖章，一份存档");
  await shoot(buyer, "seal-request-start-desktop");
  await buyer.setViewportSize({ width: 390, height: 844 });
  await shoot(buyer, "seal-request-start-phone");
  await buyer.setViewportSize({ width: 1280, height: 900 });
  await buyer.getByTestId("start-submit").click();
  const started = buyer.getByTestId("started-business-key");
  await expect(started).toBeVisible();
  const businessKey = (await started.getAttribute("data-business-key"))!;
  expect(businessKey).not.toBe("");

  // 4. The seal keeper in finance approves, with the request in front of them in words.
  const keeper = await employeePage(browser, "huangting");
  await openGroupTask(keeper, businessKey, "印章管理员审批");
  await expect(keeper.locator("body")).toContainText("苏州精密五金 2027 年度采购框架合同");
  await expect(keeper.locator("body")).toContainText("合同专用章");
  await shoot(keeper, "seal-request-task-desktop");
  await keeper.getByRole("radio", { name: "同意" }).check();
  await keeper.getByTestId("task-complete").click();
  await expect(keeper.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));

  // 5. The instances: listed as completed, exported with the form's fields as columns.
  await owner.goto(`/processes/instances?key=${key}`);
  const row = owner.getByTestId("instances").locator("tbody tr").filter({ hasText: businessKey });
  await expect(row).toContainText(name);
  await expect(row.locator('[data-status="completed"]')).toBeVisible();
  const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByTestId("export-instances").click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(["业务编号", "文件名称", "印章类型", "用印份数", "用途说明"]));
  const line = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1)).find((r) => r[0] === businessKey)!;
  expect(line[header.indexOf("印章类型")]).toBe("合同专用章");
  expect(line[header.indexOf("文件名称")]).toBe("苏州精密五金 2027 年度采购框架合同");
});
