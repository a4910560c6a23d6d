import { expect, test, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier, signOut } from "./support/auth";
import { SUPPLIERS } from "./support/demo";
import { zh } from "./support/messages";
import { callServerAction, findServerAction } from "./support/server-actions";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

async function startQualityIssue(page: Page, title: string): Promise<string> {
  await page.goto("/inbox/start");
  await page.getByTestId("start-quality_issue").click();
  await expect(page).toHaveURL(/key=quality_issue/);
  await page.locator("#start-supplierId").selectOption({ label: `S001 ${SUPPLIERS.supplier1.company}` });
  await page.locator("#start-title").fill(title);
  await page.locator("#start-lotNo").fill("LOT-2026-1128");
  await page.locator("#start-description").fill("来料孔径偏大 0.05 mm，抽检 50 件不合格 6 件。");
  await page.getByTestId("start-submit").click();
  const key = (await page.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  expect(key).toMatch(/^QI-\d{8}-\d{4}$/);
  return key;
}

test("a quality issue reaches its supplier only; the supplier answers in the portal and quality verifies", async ({ page, baseURL }) => {
  await signInEmployee(page, "chenjing");
  const key = await startQualityIssue(page, "E2E 孔径超差");
  await signOut(page, "employee");

  // supplier1 (S001) sees the task, on time (due in three days), and answers it.
  await signInSupplier(page, "supplier1");
  await expect(page.getByTestId("notification-count")).toBeVisible();
  await page.goto("/portal/tasks");
  const row = page.getByTestId("task-row").filter({ hasText: key });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("供应商提交纠正措施");
  await expect(row).toHaveAttribute("data-due-state", "ontime");
  const taskId = (await row.getAttribute("data-task-id"))!;
  await row.getByTestId("task-link").click();
  await expect(page.getByTestId("task-title")).toHaveText("供应商提交纠正措施");
  await expect(page.getByTestId("context-title")).toContainText("E2E 孔径超差");
  await expect(page.getByTestId("context-supplierId")).toContainText(SUPPLIERS.supplier1.company);
  // No staff names, history or diagram in the portal.
  await expect(page.getByText("陈静")).toHaveCount(0);
  await expect(page.getByTestId("bpmn-diagram")).toHaveCount(0);

  await page.getByTestId("file-input").setInputFiles({ name: "8D报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("file").filter({ hasText: "8D报告.pdf" })).toBeVisible();

  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("field-rootCause").getByRole("alert")).toBeVisible();
  await page.locator("#task-rootCause").fill("模具磨损导致孔径偏大");
  await page.locator("#task-correctiveAction").fill("更换模具并增加首件检验");
  await page.locator("#task-effectiveFrom").fill("2026-12-01");
  await page.getByTestId("task-complete").click();
  await expect(page.getByTestId("task-done")).toBeVisible();
  await page.goto("/portal/tasks");
  await expect(page.getByTestId("task-row").filter({ hasText: key })).toHaveCount(0);
  await page.goto("/portal/tasks?view=done");
  await expect(page.getByTestId("task-row").filter({ hasText: key })).toHaveCount(1);
  await signOut(page, "supplier");

  // supplier2 (S002) sees nothing of it: not in the list, not by its address, not through the action.
  await signInSupplier(page, "supplier2");
  await page.goto("/portal/tasks?view=done");
  await expect(page.getByTestId("task-row").filter({ hasText: key })).toHaveCount(0);
  await page.goto("/portal/tasks");
  await expect(page.getByTestId("task-row").filter({ hasText: key })).toHaveCount(0);
  const res = await page.goto(`/portal/tasks/${taskId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh("errors.notFoundPage") })).toBeVisible();
  await expect(page.getByText("E2E 孔径超差")).toHaveCount(0);
  const action = findServerAction("app/portal/(app)/tasks/actions.ts", "submitPortalTaskAction");
  const call = await callServerAction(page.request, baseURL!, action, [{ taskId, data: { rootCause: "x", correctiveAction: "y", effectiveFrom: "2026-12-01" } }]);
  expect(call.result).toMatchObject({ ok: false, error: { code: "not_found" } });
  expect(call.body).not.toContain("E2E 孔径超差");
  await page.goto("/portal/tasks");
  await signOut(page, "supplier");

  // Quality verifies next: the group task, with the supplier's attachment on the instance.
  await signInEmployee(page, "chenjing");
  await page.goto(`/inbox?view=group&q=${key}`);
  const verify = page.getByTestId("task-row").filter({ hasText: key });
  await expect(verify).toHaveCount(1);
  await expect(verify).toContainText("质量部验证");
  await verify.getByTestId("task-link").click();
  await expect(page.getByTestId("context-rootCause")).toContainText("模具磨损导致孔径偏大");
  await expect(page.getByTestId("file").filter({ hasText: "8D报告.pdf" })).toBeVisible();
  await expect(page.locator('[data-testid=history-entry][data-type="task.completed"]')).toContainText(SUPPLIERS.supplier1.user);
  await expect(page.getByTestId("bpmn-diagram").locator('.djs-element.ff-current[data-element-id="quality_verify"]')).toHaveCount(1);
});
