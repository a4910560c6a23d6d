import { expect, test, type Page } from "@playwright/test";
import { employeePage } from "../support/admin-pages";
import { dropTaskOnFlow, openEditor, publish, replaceWithUserTask } from "../support/bpmn-editor";
import { addNamedField, designer, notice, openDesigner, openGroup, property, setProperty, shoot } from "../support/form-designer";
import { zh } from "../support/messages";
import { openGroupTask, register } from "../support/srm-pages";

/*
 * 流程负责人设计「现场审核」表单（必填得分，最低 60 分；低于 80 分才出现整改要求），
 * 在 BPMN 编辑器里把它作为新步骤加到供应商初审的「通过」之后并发布。之后登记的供应商
 * 经过现场审核：低于最低分被服务器拒绝并在字段下说明；合格的通过。发布前已在途的初审
 * 仍按原流程走；表单再改版，已发布的流程仍用它发布时的表单版本。
 *
 * Runs in the "exclusive" project, after every other journey: it changes a shipped flow.
 */

async function approveInitialReview(page: Page, code: string) {
  await openGroupTask(page, code, "供应商初审");
  await page.getByRole("radio", { name: "同意" }).check();
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));
}

async function supplierStatus(page: Page, archive: string, status: string) {
  // The status changes in a service task the job worker runs after the completion's commit.
  await expect(async () => {
    await page.goto(archive);
    await expect(page.locator(`[data-status=${status}]`).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test("现场审核表单：设计、加到供应商初审、发布；低于最低分被拒，已在途的初审不受影响", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36).toUpperCase();
  const formKey = `site_audit_${stamp.toLowerCase()}`;
  const buyer = await employeePage(browser, "liuyang");

  // A supplier registered before the change: its initial review runs on the shipped flow.
  const before = { code: `E2EA${stamp}`, name: `E2E 昆山旧流程五金厂 ${stamp}`, tax: "VAT13", term: "NET30", contact: "钱进" };
  const beforeArchive = await register(buyer, before);

  // The process owner designs the form.
  const owner = await employeePage(browser, "admin");
  await openDesigner(owner, "/processes/forms/new");
  await owner.getByLabel(zh("forms.designer.key")).fill(formKey);
  await owner.getByLabel(zh("forms.designer.titleZh")).fill("现场审核");
  await owner.getByLabel(zh("forms.designer.titleEn")).fill("On-site audit");
  await addNamedField(owner, "number", "现场审核得分", "auditScore");
  await setProperty(owner, "ff-labelEn", "Audit score");
  await openGroup(owner, "validation");
  await property(owner, "required").check();
  await setProperty(owner, "min", "60");
  await setProperty(owner, "max", "100");
  await addNamedField(owner, "textarea", "整改要求", "rectification");
  await openGroup(owner, "condition");
  await setProperty(owner, "conditional-hide", "auditScore >= 80");
  await owner.getByTestId("form-save").click();
  await owner.waitForURL(`**/processes/forms/${formKey}`);
  await expect(designer(owner)).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await owner.getByTestId("form-publish").click();
  await expect(notice(owner)).toHaveText(zh("forms.designer.published", { version: 1 }));

  // ... and adds it as a step after an approved initial review, for purchasing.
  await openEditor(owner, "/processes/supplier_initial_review/edit");
  await dropTaskOnFlow(owner, "f_approved", "现场审核");
  await replaceWithUserTask(owner);
  await owner.locator("#bio-properties-panel-ff-candidateGroup-purchasing").check();
  await owner.locator("#bio-properties-panel-ff-formKey").selectOption(formKey);
  await expect(owner.locator("#bio-properties-panel-ff-formKey")).toHaveValue(formKey);
  await shoot(owner, "flow-change-site-audit-editor-desktop");
  const version = await publish(owner);
  expect(version).toBeGreaterThan(1);

  // A supplier registered after: approved in the initial review, it goes to the on-site audit.
  const after = { code: `E2EB${stamp}`, name: `E2E 昆山新流程精工厂 ${stamp}`, tax: "VAT13", term: "NET30", contact: "孙立" };
  const afterArchive = await register(buyer, after);
  await approveInitialReview(buyer, after.code);
  await expect(async () => {
    await openGroupTask(buyer, after.code, "现场审核");
  }).toPass({ timeout: 30_000 });
  const form = buyer.getByTestId("task-form");
  await expect(form.getByLabel("现场审核得分 *")).toBeVisible();

  // Below the minimum: the server refuses, with the field's own message under it; nothing moves.
  await buyer.locator("#task-auditScore").fill("50");
  await buyer.getByTestId("task-complete").click();
  await expect(buyer.getByTestId("field-auditScore").getByRole("alert")).toHaveText("不能小于 60。");
  await expect(buyer.getByTestId("task-done")).toHaveCount(0);
  await shoot(buyer, "flow-change-site-audit-refused-desktop");
  await buyer.setViewportSize({ width: 390, height: 844 });
  await shoot(buyer, "flow-change-site-audit-refused-phone");
  await buyer.setViewportSize({ width: 1280, height: 900 });

  // Straight to the API, as a script would send it: refused the same way.
  const taskId = new URL(buyer.url()).pathname.split("/").pop()!;
  const api = await buyer.request.post(`/api/workflow/tasks/${taskId}/complete`, { data: { data: { auditScore: 59.5 } } });
  expect(api.status()).toBe(400);
  expect(JSON.stringify(await api.json())).toContain("不能小于 60。");

  // The owner raises the minimum to 70 in a second version of the form. The published flow
  // pinned version 1, so 65 still passes on it.
  await openDesigner(owner, `/processes/forms/${formKey}`);
  await owner.getByTestId("form-canvas").locator('.fjs-element[data-field-type="number"]').click();
  await openGroup(owner, "validation");
  await setProperty(owner, "min", "70");
  await owner.getByTestId("form-publish").click();
  await expect(notice(owner)).toHaveText(zh("forms.designer.published", { version: 2 }));

  // 65 is below 80: the rectification field shows and what it says is kept.
  await buyer.locator("#task-auditScore").fill("65");
  await buyer.locator("#task-rectification").fill("来料检验记录不全，一个月内补齐");
  await buyer.getByTestId("task-complete").click();
  await expect(buyer.getByTestId("task-done")).toHaveText(zh("inbox.task.completed"));
  await supplierStatus(buyer, afterArchive, "potential");

  // The supplier registered before the change: its initial review ends without an on-site audit.
  await approveInitialReview(buyer, before.code);
  await supplierStatus(buyer, beforeArchive, "potential");
  await buyer.goto(`/inbox?view=group&q=${before.code}`);
  await expect(buyer.getByTestId("task-row").filter({ hasText: "现场审核" })).toHaveCount(0);

  // On the instance pages: the old one on the shipped version, the new one with its audit answers.
  await owner.goto(`/processes/instances?key=supplier_initial_review&bk=${after.code}`);
  await owner.getByTestId("instances").locator("tbody tr").first().getByRole("link").click();
  await expect(owner.getByText(`supplier_initial_review v${version}`)).toBeVisible();
  await expect(owner.locator("body")).toContainText("来料检验记录不全，一个月内补齐");
  await owner.goto(`/processes/instances?key=supplier_initial_review&bk=${before.code}`);
  await expect(owner.getByTestId("instances").locator("tbody tr").first()).toContainText(`v${version - 1}`);
});
