import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInEmployee } from "./support/auth";
import { dropTaskOnFlow, openEditor, replaceWithUserTask } from "./support/bpmn-editor";
import { zh } from "./support/messages";

// For people to look at (fonts, layout), not compared pixel by pixel.
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function shoot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function employeePage(browser: Browser, username: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInEmployee(page, username);
  return page;
}

type Started = { id: string; status: string; definition: { key: string; version: number } };

async function startRequisition(page: Page, businessKey: string, amount: number): Promise<Started> {
  const res = await page.request.post("/api/workflow/processes/purchase_requisition/instances", { data: { businessKey, data: { title: `E2E ${businessKey}`, amount } } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Started;
}

type TaskItem = { id: string; name: string; elementId: string; businessKey: string; dueAt: string | null; createdAt: string };

async function groupTasks(page: Page, businessKey: string): Promise<TaskItem[]> {
  const res = await page.request.get(`/api/workflow/tasks?view=group&q=${encodeURIComponent(businessKey)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: TaskItem[] }).items;
}

async function approve(page: Page, taskId: string) {
  const res = await page.request.post(`/api/workflow/tasks/${taskId}/complete`, { data: { data: { decision: "approve" } } });
  expect(res.status(), await res.text()).toBe(200);
}

test.describe.configure({ mode: "serial" });

test("a process owner adds a quality approval with a 2-day SLA; new instances reach quality, running ones stay on their version", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36).toUpperCase();
  const admin = await employeePage(browser, "admin");

  // An instance started before the change.
  const old = await startRequisition(admin, `E2E-OLD-${stamp}`, 300);
  const oldVersion = old.definition.version;

  await admin.goto("/processes");
  const row = admin.getByTestId("definitions").locator('tr[data-key="purchase_requisition"]');
  await expect(row).toContainText("采购申请审批");
  await row.getByRole("link", { name: zh("processes.list.edit") }).click();
  await expect(admin.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(admin.getByTestId("editor-status")).toHaveText(zh("processes.editor.statusWarnings", { warnings: 2 }));
  await expect(admin.locator(".bjs-powered-by")).toBeVisible();

  // Drop a new task on the flow from the purchasing decision to the ledger step: bpmn-js splits the flow.
  await dropTaskOnFlow(admin, "f_small", "质量部审批");
  await replaceWithUserTask(admin);

  // The runtime's properties: quality group, approval form, 2-day SLA.
  await admin.locator("#bio-properties-panel-ff-candidateGroup-quality").check();
  await admin.locator("#bio-properties-panel-ff-formKey").selectOption("approval");
  await admin.locator("#bio-properties-panel-ff-dueDate").fill("two days");
  await expect(admin.getByTestId("bpmn-properties").locator(".bio-properties-panel-error")).toHaveText("不是 ISO 时长（如 P2D、PT4H）");
  await admin.locator("#bio-properties-panel-ff-dueDate").fill("P2D");
  await expect(admin.getByTestId("bpmn-properties").locator(".bio-properties-panel-error")).toHaveCount(0);
  await expect(admin.getByTestId("editor-status")).toHaveText(new RegExp(`^${zh("processes.editor.statusWarnings", { warnings: 2 })}`));
  await shoot(admin, "processes-editor-desktop");

  await admin.getByTestId("publish").click();
  const newVersion = oldVersion + 1;
  await expect(admin.getByTestId("editor-notice")).toHaveText(zh("processes.editor.published", { version: newVersion }));

  // A new instance starts on the new version.
  const fresh = await startRequisition(admin, `E2E-NEW-${stamp}`, 300);
  expect(fresh.definition.version).toBe(newVersion);

  // Purchasing approves both.
  const lina = await employeePage(browser, "lina");
  for (const bk of [`E2E-OLD-${stamp}`, `E2E-NEW-${stamp}`]) {
    const [review] = await groupTasks(lina, bk);
    expect(review.elementId).toBe("purchasing_review");
    await approve(lina, review.id);
  }

  // The quality step reaches the quality group (API and inbox), with its 2-day SLA; the old instance never gets it.
  const chenjing = await employeePage(browser, "chenjing");
  const [quality] = await groupTasks(chenjing, `E2E-NEW-${stamp}`);
  expect(quality.name).toBe("质量部审批");
  expect(new Date(quality.dueAt!).getTime() - new Date(quality.createdAt).getTime()).toBe(2 * 864e5);
  expect(await groupTasks(chenjing, `E2E-OLD-${stamp}`)).toEqual([]);
  await chenjing.goto(`/inbox?view=group&q=E2E-NEW-${stamp}`);
  await expect(chenjing.getByTestId("task-row").filter({ hasText: `E2E-NEW-${stamp}` })).toContainText("质量部审批");

  // The old instance still runs on its version.
  await admin.goto(`/processes/instances/${old.id}`);
  await expect(admin.getByText(`purchase_requisition v${oldVersion}`)).toBeVisible();
  await expect(admin.getByTestId("instance-history").locator('tr[data-type="task.created"]')).toHaveCount(1);
  await admin.goto(`/processes/instances/${fresh.id}`);
  await expect(admin.getByText(`purchase_requisition v${newVersion}`)).toBeVisible();
  const diagram = admin.getByTestId("instance-diagram");
  await expect(diagram).toHaveAttribute("data-ready", "true");
  await expect(diagram.locator(".djs-element.ff-current")).toHaveCount(1);
  await expect(diagram.locator('.djs-element.ff-done[data-element-id="purchasing_review"]')).toHaveCount(1);

  // History with who and when; a visual diff of the two versions.
  await admin.goto("/processes/purchase_requisition");
  const versions = admin.getByTestId("versions");
  await expect(versions.locator(`tr[data-version="${newVersion}"]`)).toContainText("王磊");
  await expect(versions.locator(`tr[data-version="${oldVersion}"]`)).toContainText(zh("processes.source.shipped"));
  await admin.goto(`/processes/purchase_requisition/diff?a=${oldVersion}&b=${newVersion}`);
  await expect(admin.getByTestId("diff-new")).toHaveAttribute("data-ready", "true");
  await expect(admin.getByTestId("diff-new").locator(".djs-element.ff-added")).toHaveCount(2);
  await expect(admin.getByTestId("diff-old").locator('.djs-element.ff-changed[data-element-id="f_small"]')).toHaveCount(1);
  await expect(admin.getByTestId("diff-summary").locator('[data-change="added"]')).toHaveCount(2);
  await shoot(admin, "processes-diff-desktop");

  // The heat map of the new version: instances per step.
  await admin.goto(`/processes/purchase_requisition/heatmap?version=${newVersion}`);
  await expect(admin.getByTestId("heat-map")).toHaveAttribute("data-ready", "true");
  await expect(admin.getByTestId("heat-table").locator('tr[data-element-id="purchasing_review"]')).toBeVisible();
  await expect(admin.getByTestId("heat-map").locator('.ff-heat[data-element-id="purchasing_review"]')).toBeVisible();
  await shoot(admin, "processes-heatmap-desktop");

  const phone = await employeePage(browser, "admin", { width: 375, height: 812 });
  await phone.goto(`/processes/purchase_requisition/heatmap?version=${newVersion}`);
  await expect(phone.getByTestId("heat-map")).toHaveAttribute("data-ready", "true");
  await shoot(phone, "processes-heatmap-phone");
  await phone.goto("/processes/purchase_requisition/edit");
  await expect(phone.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await shoot(phone, "processes-editor-phone");

  // Roll back: v1's diagram becomes the next version again (and the other specs see the shipped flow).
  await admin.goto("/processes/purchase_requisition");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByTestId(`rollback-${oldVersion}`).click();
  await expect(admin.getByText(zh("processes.versions.rolledBack", { version: newVersion + 1 }))).toBeVisible();
  const again = await startRequisition(admin, `E2E-BACK-${stamp}`, 300);
  expect(again.definition.version).toBe(newVersion + 1);
});

test("an invalid diagram is refused with the reasons on its elements; bad files are reported, not crashed on", async ({ page }) => {
  await signInEmployee(page, "admin");
  await openEditor(page, "/processes/quality_issue/edit");
  await page.locator('.djs-shape[data-element-id="quality_verify"]').click();
  await page.locator("#bio-properties-panel-ff-candidateGroup-quality").uncheck();
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("editor-notice")).toHaveText(zh("processes.editor.publishRefused", { count: 1 }));
  await expect(page.locator('.ff-problem-badge[data-element-id="quality_verify"]')).toBeVisible();
  await expect(page.locator('.djs-element.ff-problem[data-element-id="quality_verify"]')).toHaveCount(1);
  const problem = page.getByTestId("problem-list").locator('li[data-code="task_unassigned"][data-element-id="quality_verify"]');
  await expect(problem).toContainText(zh("processes.lint.task_unassigned"));
  await expect(problem).toContainText("质量部验证");
  await shoot(page, "processes-editor-refused-desktop");

  // Malformed XML: a list of problems, and the diagram stays as it was.
  await page.getByTestId("import-file").setInputFiles({ name: "broken.bpmn", mimeType: "application/xml", buffer: Buffer.from("<bpmn:definitions xmlns:bpmn=") });
  await expect(page.getByTestId("import-report").locator('li[data-code="bpmn_malformed"]')).toBeVisible();
  await expect(page.locator('.djs-shape[data-element-id="quality_verify"]')).toHaveCount(1);

  // A file with a script task imports, and the script task is reported on its element.
  const script = fs
    .readFileSync(path.join(process.cwd(), "processes", "quality-issue.bpmn"), "utf8")
    .replace('<bpmn:userTask id="quality_verify" name="质量部验证" ff:candidateGroups="quality" ff:formKey="approval" ff:dueDate="P2D" />', '<bpmn:scriptTask id="quality_verify" name="质量部验证" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>');
  await page.getByTestId("import-file").setInputFiles({ name: "script.bpmn", mimeType: "application/xml", buffer: Buffer.from(script) });
  await expect(page.getByTestId("import-report").locator('li[data-code="script_task"][data-element-id="quality_verify"]')).toBeVisible();
  await expect(page.locator('.ff-problem-badge[data-element-id="quality_verify"]')).toBeVisible();

  // Nothing was published.
  await page.goto("/processes/quality_issue");
  await expect(page.getByTestId("versions").locator("tbody tr")).toHaveCount(1);

  // A new diagram is executable from the start.
  await page.goto("/processes/new");
  await expect(page.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await expect(page.getByTestId("problem-list").locator('li[data-code="no_end"]')).toBeVisible();
  await expect(page.getByTestId("problem-list").locator('li[data-code="not_executable"]')).toHaveCount(0);
});

test("an operator finds an instance and cancels it with a reason", async ({ page }) => {
  await signInEmployee(page, "admin");
  const bk = `E2E-CANCEL-${Date.now().toString(36).toUpperCase()}`;
  const started = await startRequisition(page, bk, 1200);
  await page.goto(`/processes/instances?bk=${bk}`);
  const row = page.getByTestId("instances").locator(`tr[data-instance-id="${started.id}"]`);
  await expect(row).toContainText("采购部审核");
  await row.getByRole("link").click();
  await expect(page.getByTestId("instance-diagram")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("instance-diagram").locator('.djs-element.ff-current[data-element-id="purchasing_review"]')).toHaveCount(1);
  await shoot(page, "processes-instance-desktop");

  await page.getByTestId("cancel-instance").click();
  await page.getByRole("dialog").getByRole("button", { name: zh("processes.instance.confirmCancel") }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
  await page.getByRole("dialog").getByLabel(zh("processes.instance.reason")).fill("申请人撤回");
  await page.getByRole("dialog").getByRole("button", { name: zh("processes.instance.confirmCancel") }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator('[data-status="cancelled"]').first()).toBeVisible();
  await expect(page.getByTestId("instance-history").locator('tr[data-type="instance.cancelled"]')).toContainText("申请人撤回");
  await expect(page.getByTestId("instance-history").locator('tr[data-type="instance.cancelled"]')).toContainText("王磊");
  await page.goto(`/processes/instances?bk=${bk}&status=cancelled`);
  await expect(page.getByTestId("instances").locator(`tr[data-instance-id="${started.id}"]`)).toBeVisible();
});

test("people without the permissions get no editor and no operations", async ({ page }) => {
  await signInEmployee(page, "lina");
  for (const url of ["/processes", "/processes/purchase_requisition/edit", "/processes/instances"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(403);
  }
});
