import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signInEmployee, signInSupplier } from "./support/auth";
import { en, zh } from "./support/messages";

/*
 * What users read on task pages: the business record in words (people, groups and
 * suppliers by name, numbers formatted, lines as tables), the history as a business log,
 * never the machinery (ids, JSON, element ids, group keys, variable names).
 */
const SHOTS = "test-results/screenshots";
const PHONE = { width: 390, height: 844 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Fails on anything of the runtime a person should never read in this region of the page. */
async function expectReadable(region: Locator, internals: string[]) {
  const text = await region.innerText();
  expect(text, "a UUID on the page").not.toMatch(UUID);
  expect(text, "JSON on the page").not.toMatch(/[{[]\s*"|":\s*[{["\d]/);
  for (const word of internals) expect(text, `"${word}" on the page`).not.toContain(word);
}

async function employee(browser: Browser, username: string, locale = "zh-CN") {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signInEmployee(page, username);
  return page;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The open task of an instance as its group sees it in the inbox API. */
async function groupTask(page: Page, businessKey: string) {
  const res = await page.request.get(`/api/workflow/tasks?view=group&q=${encodeURIComponent(businessKey)}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { id: string; businessKey: string | null }[] };
  const task = body.items.find((t) => t.businessKey === businessKey);
  expect(task, `a group task for ${businessKey}`).toBeTruthy();
  return task!.id;
}

test("a requisition's review reads as business; rejecting needs a reason, also through the API; the history reads in words in both languages", async ({ browser }) => {
  test.setTimeout(120_000);
  const lina = await employee(browser, "lina");
  const started = await lina.request.post("/api/workflow/processes/purchase_requisition/instances", { data: { data: { title: "液压油 200 升", amount: 36000, reason: "3 号线设备保养" } } });
  expect(started.status(), await started.text()).toBe(201);
  const { businessKey } = (await started.json()) as { businessKey: string };

  const liuyang = await employee(browser, "liuyang");
  const taskId = await groupTask(liuyang, businessKey);
  await liuyang.goto(`/inbox/${taskId}`);
  await expect(liuyang.getByTestId("task-title")).toHaveText("采购部审核");
  await expect(liuyang.getByTestId("context-title")).toContainText("液压油 200 升");
  await expect(liuyang.getByTestId("context-amount")).toContainText("36,000");
  await expectReadable(liuyang.locator("main"), ["purchasing_review", "initiator", "businessKey", "purchasing", "approve"]);
  await shoot(liuyang, "task-purchase-review");

  // The same rule for the API as for the form: a rejection says why.
  const refused = await liuyang.request.post(`/api/workflow/tasks/${taskId}/complete`, { data: { data: { decision: "reject" } } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors).toEqual({ comment: zh("validation.reason_required") });
  await liuyang.getByRole("radio", { name: "驳回" }).check();
  await liuyang.getByTestId("task-complete").click();
  await expect(liuyang.getByTestId("field-comment").getByRole("alert")).toBeVisible();
  await liuyang.locator("#task-comment").fill("本季度预算已用完");
  await liuyang.getByTestId("task-complete").click();
  await expect(liuyang.getByTestId("task-done")).toBeVisible();

  // The history, as the requester reads it: who, what, decided how and why, to whom, in words.
  await lina.goto(`/inbox/${taskId}`);
  const history = lina.getByTestId("history");
  await expect(history.locator('[data-type="task.created"]').getByTestId("history-assigned")).toHaveText(zh("inbox.history.assignedTo", { to: "采购组" }));
  const completed = history.locator('[data-type="task.completed"]');
  await expect(completed).toContainText("刘洋");
  await expect(completed.getByTestId("history-decision")).toHaveText(zh("inbox.history.decision", { decision: "驳回" }));
  await expect(completed).toContainText("本季度预算已用完");
  await expectReadable(history, ["reject", "purchasing", "initiator", "businessKey", "purchasing_review", "ledger"]);
  await shoot(lina, "task-purchase-review-done");

  const english = await employee(browser, "lina", "en");
  await english.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: english.url() }]);
  await english.goto(`/inbox/${taskId}`);
  const enHistory = english.getByTestId("history");
  await expect(enHistory.locator('[data-type="task.created"]').getByTestId("history-assigned")).toHaveText(en("inbox.history.assignedTo", { to: "Purchasing" }));
  await expect(enHistory.locator('[data-type="task.completed"]').getByTestId("history-decision")).toHaveText(en("inbox.history.decision", { decision: "Reject" }));
  await expectReadable(enHistory, ["reject", "purchasing", "initiator"]);
});

test("a quality issue: the supplier's corrective action in the portal and quality's verification read as business", async ({ browser }) => {
  test.setTimeout(120_000);
  const chenjing = await employee(browser, "chenjing");
  await chenjing.goto("/inbox/start?key=quality_issue");
  await chenjing.locator("#start-supplierId").selectOption({ label: "S001 苏州精密五金有限公司" });
  await chenjing.locator("#start-title").fill("M8 螺栓螺纹不合格");
  await chenjing.locator("#start-lotNo").fill("LOT-20261201");
  await chenjing.locator("#start-description").fill("抽检 50 件，3 件通规不过。");
  await chenjing.getByTestId("start-submit").click();
  const businessKey = (await chenjing.getByTestId("started-business-key").getAttribute("data-business-key"))!;
  expect(businessKey).toMatch(/^QI-\d{8}-\d{4}$/);

  const context = await browser.newContext({ locale: "zh-CN" });
  const supplier = await context.newPage();
  await signInSupplier(supplier, "supplier1");
  await supplier.goto("/portal/tasks");
  const row = supplier.getByTestId("task-row").filter({ hasText: businessKey });
  await row.getByTestId("task-link").click();
  await expect(supplier.getByTestId("task-title")).toHaveText("供应商提交纠正措施");
  await expect(supplier.getByTestId("context-supplierId")).toContainText("苏州精密五金有限公司");
  await expect(supplier.getByTestId("context-title")).toContainText("M8 螺栓螺纹不合格");
  await expectReadable(supplier.locator("main"), ["supplierId", "initiator", "quality"]);
  await shoot(supplier, "portal-quality-issue-response");
  await supplier.locator("#task-rootCause").fill("搓丝模具磨损");
  await supplier.locator("#task-correctiveAction").fill("更换模具，首件全检");
  await supplier.locator("#task-effectiveFrom").fill("2026-12-08");
  await supplier.getByTestId("task-complete").click();
  await expect(supplier.getByTestId("task-done")).toBeVisible();

  let taskId = "";
  await expect(async () => {
    taskId = await groupTask(chenjing, businessKey);
  }).toPass({ timeout: 20_000 });
  await chenjing.goto(`/inbox/${taskId}`);
  await expect(chenjing.getByTestId("task-title")).toHaveText("质量部验证");
  await expect(chenjing.getByTestId("context-rootCause")).toContainText("搓丝模具磨损");
  await expect(chenjing.getByTestId("context-effectiveFrom")).toContainText("2026年12月8日");
  await expectReadable(chenjing.locator("main"), ["supplierId", "initiator", "quality_verify", "rootCause"]);
  await shoot(chenjing, "task-quality-verify");
});
