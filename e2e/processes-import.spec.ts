import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { asciiIds } from "../lib/workflow/ascii-ids";
import { signInEmployee } from "./support/auth";
import { msgPrefix, zh } from "./support/messages";

// Files exported by other tools (test/fixtures/bpmn): they open, render, and the
// problem list says in Chinese, per element, what the runtime will not run.
const FIXTURES = path.join(process.cwd(), "test", "fixtures", "bpmn");
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function openNewEditor(page: Page) {
  await page.goto("/processes/new");
  await expect(page.getByTestId("bpmn-modeler")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

/** Imports a file through the editor's import control and waits for the server's check of it. */
async function importFile(page: Page, name: string, buffer = fs.readFileSync(path.join(FIXTURES, name))) {
  const checked = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/processes/new"));
  await page.getByTestId("import-file").setInputFiles({ name, mimeType: "application/xml", buffer });
  await checked;
  await expect(page.getByTestId("import-report")).toBeVisible();
}

const shape = (page: Page, id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);
const problem = (page: Page, code: string, elementId: string) => page.getByTestId("problem-list").locator(`li[data-code="${code}"][data-element-ids~="${elementId}"]`);

/** What a process owner reads: translated, no parser English, no element ids. */
async function expectReadable(list: Locator) {
  const text = await list.innerText();
  expect(text).not.toMatch(/illegal ID|unparsable|unresolved reference|TypeError|undefined|lint\.|bpmnlint\//);
  const ids = await list.locator("li[data-element-ids]").evaluateAll((items) => items.flatMap((li) => (li.getAttribute("data-element-ids") ?? "").split(" ").filter(Boolean)));
  for (const id of new Set(ids)) expect(text, `element id ${id} on screen`).not.toContain(id);
}

test.beforeEach(async ({ page }) => {
  await signInEmployee(page, "admin");
});

test("a Camunda 7 export renders, with what the runtime ignores named on each element", async ({ page }) => {
  await openNewEditor(page);
  await importFile(page, "camunda7-purchase.bpmn");
  for (const id of ["Participant_Buyer", "Participant_Supplier", "Lane_Buyer", "Lane_Manager", "Activity_Review", "Activity_Countersign", "Activity_CreateOrder", "Gateway_Approved", "Event_ReviewOverdue", "TextAnnotation_Countersign", "Flow_Msg_Order"]) {
    await expect(shape(page, id)).toHaveCount(1);
  }
  await expect(shape(page, "Activity_Countersign")).toContainText("技术会签");
  await expect(page.getByTestId("editor-notice")).toHaveCount(0);

  // The Camunda assignee is ignored, and the task has nobody: both said on the task, by name.
  const review = problem(page, "foreign_assignment", "Activity_Review");
  await expect(review).toContainText("部门经理审批");
  await expect(review).toContainText(msgPrefix("zh-CN", "processes.lint.foreign_assignment"));
  await expect(review).toContainText("camunda:assignee");
  await expect(problem(page, "task_unassigned", "Activity_Review")).toContainText(zh("processes.lint.task_unassigned"));
  // The multi-instance task: it cannot run as drawn, and its Camunda collection is ignored.
  await expect(problem(page, "loop_unsupported", "Activity_Countersign")).toContainText(zh("processes.lint.loop_unsupported"));
  const countersign = problem(page, "foreign_extension", "Activity_Countersign");
  await expect(countersign).toContainText("技术会签");
  await expect(countersign).toContainText("camunda:collection");
  await expect(problem(page, "task_unassigned", "Activity_Countersign")).toBeVisible();
  // The service task's Camunda expression is no handler; the JUEL condition is refused on its flow.
  await expect(problem(page, "handler_missing", "Activity_CreateOrder")).toContainText(zh("processes.lint.handler_missing"));
  await expect(problem(page, "foreign_implementation", "Activity_CreateOrder")).toContainText("camunda:expression");
  await expect(problem(page, "foreign_extension", "Activity_CreateOrder")).toContainText("camunda:inputOutput");
  await expect(problem(page, "expression_operators", "Flow_Rejected")).toContainText("驳回");
  await expectReadable(page.getByTestId("problem-list"));
  await expectReadable(page.getByTestId("import-report"));
  await shoot(page, "processes-import-camunda7-desktop");
});

test("a Camunda 8 (Zeebe) export renders; its FEEL conditions and job types are explained", async ({ page }) => {
  await openNewEditor(page);
  await importFile(page, "camunda8-supplier-onboarding.bpmn");
  for (const id of ["StartEvent_Submitted", "Activity_QualificationReview", "Gateway_Qualified", "Activity_CreateSupplier", "Activity_RequestDocuments", "Event_Onboarded", "Flow_NotQualified"]) {
    await expect(shape(page, id)).toHaveCount(1);
  }
  await expect(problem(page, "foreign_assignment", "Activity_QualificationReview")).toContainText("zeebe:assignmentDefinition");
  const review = problem(page, "foreign_extension", "Activity_QualificationReview");
  await expect(review).toContainText("资质审核");
  await expect(review).toContainText("zeebe:formDefinition");
  await expect(problem(page, "task_unassigned", "Activity_QualificationReview")).toContainText(zh("processes.lint.task_unassigned"));
  // Camunda 8 writes FEEL as "= ...": told how to write it here.
  await expect(problem(page, "expression_zeebe", "Flow_Qualified")).toContainText("合格");
  await expect(problem(page, "expression_zeebe", "Flow_NotQualified")).toContainText("不合格");
  await expect(problem(page, "handler_missing", "Activity_CreateSupplier")).toContainText("创建供应商档案");
  await expect(problem(page, "foreign_implementation", "Activity_CreateSupplier")).toContainText("zeebe:taskDefinition");
  await expectReadable(page.getByTestId("problem-list"));
  await shoot(page, "processes-import-camunda8-desktop");
});

test("a Signavio export declared ISO-8859-1 opens with its Chinese names", async ({ page }) => {
  await openNewEditor(page);
  await importFile(page, "signavio-supplier-evaluation.bpmn");
  // Names written as character references read as Chinese on the shapes.
  await expect(shape(page, "sid-4A5B6C7D-8E9F-40A1-B2C3-D4E5F6071810")).toContainText("采购部打分");
  await expect(shape(page, "sid-7B8C9DAE-BFC0-41D2-E3F4-051627384911")).toContainText("质量部打分");
  await expect(shape(page, "sid-0F1E2D3C-4B5A-4697-8877-665544332214_label")).toContainText("评分 ≥ 80？");
  for (const id of ["sid-8E0F6A21-3B4C-4D5E-8F60-7A8B9C0D1E02", "sid-3C4D5E6F-7081-4293-A4B5-C6D7E8F90A05", "sid-6F708192-A3B4-45C6-D7E8-F90A1B2C3D06", "sid-1E2F3041-5263-4748-899A-BBCCDDEEFF09", "sid-F0000004-0000-4000-8000-000000000004"]) {
    await expect(shape(page, id)).toHaveCount(1);
  }
  // No complaint about the encoding; the file's one blocker, in Chinese.
  await expect(page.getByTestId("import-report").locator('li[data-code="bpmn_parse"]')).toHaveCount(0);
  await expect(page.getByTestId("problem-list").locator('li[data-code="not_executable"]')).toHaveText(zh("processes.lint.not_executable"));
  // Signavio's metadata on every shape is one line, not one per shape.
  const metadata = page.getByTestId("import-report").locator('li[data-code="foreign_extension"]');
  await expect(metadata).toHaveCount(2);
  const everyShape = metadata.filter({ hasText: "signavio:signavioMetaData" });
  await expect(everyShape).toContainText("评估周期开始");
  await expect(everyShape).toContainText(msgPrefix("zh-CN", "processes.editor.moreElements"));
  await expectReadable(page.getByTestId("import-report"));
  await shoot(page, "processes-import-signavio-desktop");
});

test("a Bizagi export with Chinese ids opens with pinyin ids, its names unchanged", async ({ page }) => {
  await openNewEditor(page);
  const file = fs.readFileSync(path.join(FIXTURES, "bizagi-complaint.bpmn"));
  await importFile(page, "bizagi-complaint.bpmn", file);
  await expect(page.getByTestId("editor-notice")).toHaveText(zh("processes.editor.idsConverted", { count: asciiIds(file.toString("utf8")).renamed.length }));
  await expect(shape(page, "RenWu_DengJiTouSu")).toContainText("登记投诉");
  await expect(shape(page, "WangGuan_ShiFouZhiLiangWenTi")).toHaveCount(1);
  await expect(shape(page, "TouSuGuanBi")).toHaveCount(1);
  await expect(shape(page, "TouSuDanYinYong")).toHaveCount(1);
  await expect(shape(page, "FenZu_DiaoChaJieDuan")).toHaveCount(1);
  await expect(shape(page, "GuanLian_DuTouSuDan")).toHaveCount(1);
  await expect(shape(page, "Liu_Shi")).toHaveCount(1);
  // The runtime's rules apply to the renamed elements, shown by name.
  await expect(problem(page, "task_unassigned", "RenWu_DengJiTouSu")).toContainText("登记投诉");
  await expect(problem(page, "task_unassigned", "RenWu_ZhiLiangBuDiaoCha")).toContainText("质量部调查");
  await expect(page.getByTestId("problem-list").locator('li[data-code="no_start"]')).toHaveCount(0);
  await expect(page.getByTestId("problem-list").locator('li[data-code="bpmn_parse"]')).toHaveCount(0);
  await expectReadable(page.getByTestId("problem-list"));
  await expectReadable(page.getByTestId("import-report"));
  await shoot(page, "processes-import-bizagi-desktop");
  // The properties panel keeps the Chinese name of the selected task.
  await shape(page, "RenWu_DengJiTouSu").click();
  await expect(page.getByTestId("bpmn-properties")).toContainText("登记投诉");
});

test("a GBK file is decoded by its declaration; unreadable parts are summarised, the parser's words folded away", async ({ page }) => {
  await openNewEditor(page);
  // 开始 审核 结束 in GBK bytes, as ids and names.
  const gbk = { 开始: [0xbf, 0xaa, 0xca, 0xbc], 审核: [0xc9, 0xf3, 0xba, 0xcb], 结束: [0xbd, 0xe1, 0xca, 0xf8] };
  const template = `<?xml version="1.0" encoding="GBK"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:ff="http://factory-flow.dev/schema/bpmn" id="d" targetNamespace="http://x">
<bpmn:process id="gbk_file" name="gbk" isExecutable="true">
<bpmn:startEvent id="{开始}" name="{开始}"/><bpmn:sequenceFlow id="f1" sourceRef="{开始}" targetRef="{审核}"/>
<bpmn:userTask id="{审核}" name="{审核}" ff:candidateGroups="quality"/><bpmn:sequenceFlow id="f2" sourceRef="{审核}" targetRef="{结束}"/>
<bpmn:endEvent id="{结束}" name="{结束}"/><bpmn:fancyTask id="fancy"/>
</bpmn:process>
<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="gbk_file">
<bpmndi:BPMNShape id="s_di" bpmnElement="{开始}"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="t_di" bpmnElement="{审核}"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="e_di" bpmnElement="{结束}"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
<bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
<bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118"/><di:waypoint x="360" y="118"/></bpmndi:BPMNEdge>
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
  const parts = template.split(/\{(开始|审核|结束)\}/);
  const buffer = Buffer.concat(parts.map((p, i) => (i % 2 ? Buffer.from(gbk[p as keyof typeof gbk]) : Buffer.from(p, "ascii"))));
  await importFile(page, "gbk.bpmn", buffer);
  await expect(shape(page, "ShenHe")).toContainText("审核");
  await expect(page.getByTestId("editor-notice")).toHaveText(zh("processes.editor.idsConverted", { count: 3 }));

  // The unknown element: a summary, with the parser's text behind "技术细节".
  const report = page.getByTestId("import-report");
  const parse = report.locator('li[data-code="bpmn_parse"]');
  await expect(parse).toHaveCount(1);
  await expect(parse).toContainText(zh("processes.lint.bpmn_parse_summary", { count: 1 }));
  await expectReadable(report);
  await expectReadable(page.getByTestId("problem-list"));
  await parse.getByText(zh("processes.editor.technicalDetails")).click();
  await expect(parse.getByTestId("technical-details")).toContainText("unparsable content <bpmn:fancyTask>");
  await shoot(page, "processes-import-details-desktop");
});
