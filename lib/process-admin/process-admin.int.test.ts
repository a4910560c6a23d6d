import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { employee, openTasks } from "@/test/workflow-fixtures";
import { cancelInstance } from "../workflow/cancel-instance";
import { advanceClock, resetClock } from "../workflow/clock";
import { completeTask } from "../workflow/complete-task";
import { dryRunProcess } from "../workflow/dry-run";
import { activeElementIds, migrateInstances } from "../workflow/migrate-instances";
import { syncShippedProcesses } from "../workflow/sync-shipped-processes";
import { startInstance } from "../workflow/start-instance";
import { diffDiagrams } from "./diff-versions";
import { getEditorDiagram } from "./get-editor-diagram";
import { heatMap } from "./heat-map";
import { listDefinitions } from "./list-definitions";
import { listInstances } from "./list-instances";
import { listVersions } from "./list-versions";
import { parseInstanceQuery } from "./process-admin.schema";
import { publishDefinition } from "../workflow/publish-definition";
import { publishProcess, rollbackToVersion } from "./publish-process";
import { discardDraft, saveDraft } from "./save-draft";

const SHIPPED = fs.readFileSync("processes/purchase-requisition.bpmn", "utf8");

/**
 * The shipped purchase requisition with a quality approval (2-day SLA) after
 * the purchasing decision for small amounts, drawn as the editor would.
 */
const WITH_QUALITY = SHIPPED.replace(
  '<bpmn:sequenceFlow id="f_small" sourceRef="review_decision" targetRef="record_requisition" />',
  `<bpmn:sequenceFlow id="f_small" sourceRef="review_decision" targetRef="quality_approval" />
    <bpmn:userTask id="quality_approval" name="质量部审批" ff:candidateGroups="quality" ff:formKey="approval" ff:dueDate="P2D" />
    <bpmn:sequenceFlow id="f_quality" sourceRef="quality_approval" targetRef="record_requisition" />`,
)
  .replace('<bpmndi:BPMNShape id="record_requisition_di"', '<bpmndi:BPMNShape id="quality_approval_di" bpmnElement="quality_approval"><dc:Bounds x="700" y="160" width="100" height="80" /></bpmndi:BPMNShape>\n      <bpmndi:BPMNShape id="record_requisition_di"')
  .replace(
    '<bpmndi:BPMNEdge id="f_small_di" bpmnElement="f_small"><di:waypoint x="555" y="200" /><di:waypoint x="880" y="200" /></bpmndi:BPMNEdge>',
    '<bpmndi:BPMNEdge id="f_small_di" bpmnElement="f_small"><di:waypoint x="555" y="200" /><di:waypoint x="700" y="200" /></bpmndi:BPMNEdge><bpmndi:BPMNEdge id="f_quality_di" bpmnElement="f_quality"><di:waypoint x="800" y="200" /><di:waypoint x="880" y="200" /></bpmndi:BPMNEdge>',
  );

/** The same flow without the purchasing review: instances waiting there cannot move onto it. */
const WITHOUT_REVIEW = WITH_QUALITY.replace('<bpmn:userTask id="purchasing_review"', '<bpmn:userTask id="purchasing_check"')
  .replace(/"purchasing_review"/g, '"purchasing_check"')
  .replace('id="purchasing_check_di"', 'id="purchasing_check_di"');

const kinds = await dbKinds();

describe.each(kinds)("process administration on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await syncShippedProcesses(opened.db);
  });
  afterAll(async () => {
    resetClock();
    await opened?.close();
  });

  it("only process owners design: others are refused", async () => {
    const lina = await employee(opened.db, "lina");
    await expect(listDefinitions(opened.db, lina)).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveDraft(opened.db, lina, { xml: SHIPPED, editingKey: "purchase_requisition" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listInstances(opened.db, lina, parseInstanceQuery({}))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("saves a draft, opens it in the editor, and refuses another process's key", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const saved = await saveDraft(db, admin, { xml: WITH_QUALITY, editingKey: "purchase_requisition" });
    expect(saved.key).toBe("purchase_requisition");
    const opened1 = await getEditorDiagram(db, admin, "purchase_requisition");
    expect(opened1).toMatchObject({ origin: "draft", latestVersion: 1 });
    expect(opened1!.xml).toContain("quality_approval");
    // A new diagram may not take an existing key.
    await expect(saveDraft(db, admin, { xml: SHIPPED, editingKey: null })).rejects.toMatchObject({ code: "duplicate" });
    await expect(saveDraft(db, admin, { xml: "<nope", editingKey: null })).rejects.toMatchObject({ code: "bpmn_invalid" });
    const rows = await listDefinitions(db, admin);
    expect(rows.find((r) => r.key === "purchase_requisition")).toMatchObject({ latestVersion: 1, source: "shipped", draftAt: expect.any(Date) });
    expect(await db.auditLog.count({ where: { action: "process.draft.create", entityId: "purchase_requisition" } })).toBe(1);
    await discardDraft(db, admin, "purchase_requisition");
    expect((await getEditorDiagram(db, admin, "purchase_requisition"))!.origin).toBe("published");
    expect(await db.auditLog.count({ where: { action: "process.draft.discard", entityId: "purchase_requisition" } })).toBe(1);
  });

  it("refuses to publish an invalid diagram with the problems on their elements", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const broken = WITH_QUALITY.replace('ff:candidateGroups="quality" ff:formKey="approval" ff:dueDate="P2D"', 'ff:dueDate="two days"');
    const err = await publishProcess(db, admin, { xml: broken, editingKey: "purchase_requisition" }).catch((e) => e);
    expect(err).toMatchObject({ code: "bpmn_invalid" });
    const problems = (err.details as { code: string; elementId?: string }[]).map((p) => `${p.code}@${p.elementId}`);
    expect(problems).toEqual(expect.arrayContaining(["task_unassigned@quality_approval", "due_invalid@quality_approval"]));
    expect(await db.processDefinition.count({ where: { key: "purchase_requisition" } })).toBe(1);
  });

  it("running instances stay on their version; new ones start on the published one", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const before = await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-OLD", variables: { title: "旧", amount: 100 } });
    await saveDraft(db, admin, { xml: WITH_QUALITY, editingKey: "purchase_requisition" });
    const published = await publishProcess(db, admin, { xml: WITH_QUALITY, editingKey: "purchase_requisition" });
    expect(published).toMatchObject({ key: "purchase_requisition", version: 2, created: true });
    expect(await db.processDraft.count({ where: { key: "purchase_requisition" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "process.publish", after: { path: ["version"], equals: 2 } } })).toBe(1);

    const after = await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-NEW", variables: { title: "新", amount: 100 } });
    expect(after.definition.version).toBe(2);
    const [reviewNew] = await openTasks(db, after.id);
    await completeTask(db, lina, { taskId: reviewNew.id, data: { decision: "approve" } });
    const [quality] = await openTasks(db, after.id);
    expect(quality).toMatchObject({ elementId: "quality_approval", candidateGroups: ["quality"] });
    expect(quality.dueAt!.getTime() - quality.createdAt.getTime()).toBe(2 * 864e5);

    const [reviewOld] = await openTasks(db, before.id);
    await completeTask(db, lina, { taskId: reviewOld.id, data: { decision: "approve" } });
    expect(await openTasks(db, before.id)).toEqual([]);
    expect(await db.job.count({ where: { instanceId: before.id, kind: "service" } })).toBe(1);

    const versions = await listVersions(db, admin, "purchase_requisition");
    expect(versions!.versions.map((v) => [v.version, v.source, v.publishedBy])).toEqual([
      [2, "editor", "王磊"],
      [1, "shipped", null],
    ]);
  });

  it("diffs two versions: the added task and flow, the re-targeted flow", async () => {
    const d = await diffDiagrams(SHIPPED, WITH_QUALITY);
    expect(d.added).toEqual(expect.arrayContaining(["quality_approval", "f_quality"]));
    expect(d.removed).toEqual([]);
    expect(d.names.quality_approval).toBe("质量部审批");
    expect(d.changed.f_small).toEqual(expect.arrayContaining([expect.objectContaining({ attr: "targetRef", from: "record_requisition", to: "quality_approval" })]));
    // The editor writes incoming/outgoing lists the shipped file lacks: not a change.
    const listed = SHIPPED.replace('<bpmn:endEvent id="end_approved" name="已批准" />', '<bpmn:endEvent id="end_approved" name="已批准"><bpmn:incoming>f_recorded</bpmn:incoming></bpmn:endEvent>');
    expect(await diffDiagrams(SHIPPED, listed)).toMatchObject({ added: [], removed: [], changed: {}, layoutChanged: [] });
    const back = await diffDiagrams(WITH_QUALITY, SHIPPED);
    expect(back.removed).toEqual(expect.arrayContaining(["quality_approval", "f_quality"]));
    const due = await diffDiagrams(SHIPPED, SHIPPED.replace('ff:dueDate="P2D" ff:priority="60"', 'ff:dueDate="P5D" ff:priority="60"'));
    expect(due.changed.purchasing_review).toEqual([{ attr: "dueDate", from: "P2D", to: "P5D" }]);
  });

  it("dry-runs a flow in memory: the path, who gets each task, and no records", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const counts = async () => Promise.all([db.processInstance.count(), db.task.count(), db.job.count(), db.auditLog.count(), db.instanceEvent.count()]);
    const before = await counts();

    const big = await dryRunProcess(db, admin, WITH_QUALITY, { title: "大额", amount: 80000 }, {});
    expect(big.status).toBe("completed");
    expect(big.steps.map((s) => [s.elementId, s.action])).toEqual([
      ["purchasing_review", "completed"],
      ["management_approval", "completed"],
      ["record_requisition", "signalled"],
    ]);
    expect(big.steps[0]).toMatchObject({ candidateGroups: ["purchasing"], formKey: "approval" });
    expect(big.steps[2]).toMatchObject({ kind: "serviceTask", handler: "ledger.record" });
    expect(big.path).toEqual(expect.arrayContaining(["start", "purchasing_review", "review_decision", "management_approval", "end_approved"]));
    expect(big.path).not.toContain("quality_approval");

    const small = await dryRunProcess(db, admin, WITH_QUALITY, { title: "小额", amount: 100 }, {});
    expect(small.steps.map((s) => s.elementId)).toEqual(["purchasing_review", "quality_approval", "record_requisition"]);
    expect(small.steps[1]).toMatchObject({ candidateGroups: ["quality"], dueAt: expect.any(String) });

    const rejected = await dryRunProcess(db, admin, WITH_QUALITY, { amount: 100 }, { purchasing_review: { decision: "reject" } });
    expect(rejected.status).toBe("completed");
    expect(rejected.path).toContain("end_rejected");
    expect(rejected.steps.map((s) => s.elementId)).toEqual(["purchasing_review"]);

    // The SLA timer fires: the task goes to management instead.
    const late = await dryRunProcess(db, admin, WITH_QUALITY, { amount: 100 }, { purchasing_review: "timeout" });
    expect(late.steps.map((s) => [s.elementId, s.action])).toEqual([
      ["purchasing_review", "timeout"],
      ["escalated_review", "completed"],
      ["quality_approval", "completed"],
      ["record_requisition", "signalled"],
    ]);
    expect(late.steps[1]).toMatchObject({ candidateGroups: ["management"] });

    // A person by username, and the initiator by expression.
    const people = WITH_QUALITY.replace('ff:candidateGroups="quality" ff:formKey="approval" ff:dueDate="P2D"', 'ff:assignee="yangfan" ff:formKey="approval"').replace(
      '<bpmn:userTask id="management_approval" name="总经理审批" ff:candidateGroups="management"',
      '<bpmn:userTask id="management_approval" name="总经理审批" ff:assignee="${initiator}"',
    );
    const who = await dryRunProcess(db, admin, people, { amount: 100 }, {});
    expect(who.steps[1]).toMatchObject({ elementId: "quality_approval", assigneeName: "杨帆" });
    const whoBig = await dryRunProcess(db, admin, people, { amount: 90000 }, {});
    expect(whoBig.steps[1]).toMatchObject({ elementId: "management_approval", assignee: admin.id, assigneeName: "王磊" });

    expect(await dryRunProcess(db, admin, "<broken", {}, {})).toMatchObject({ status: "invalid", problems: [{ code: "bpmn_malformed" }] });
    expect(await counts()).toEqual(before);
  });

  it("migrates running instances whose waiting steps exist in the new version, and they continue on it", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    // Two instances on v2, both waiting at purchasing_review.
    const a = await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-MIG-A", variables: { amount: 100 } });
    const b = await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-MIG-B", variables: { amount: 100 } });
    expect(activeElementIds((await db.processInstance.findUniqueOrThrow({ where: { id: a.id } })).state)).toEqual(["purchasing_review", "review_sla"]);
    // v3: the quality step also gets a 1-day SLA.
    const v3xml = WITH_QUALITY.replace('ff:candidateGroups="quality" ff:formKey="approval" ff:dueDate="P2D"', 'ff:candidateGroups="quality" ff:formKey="approval" ff:dueDate="P1D"');
    expect((await publishProcess(db, admin, { xml: v3xml, editingKey: "purchase_requisition" })).version).toBe(3);
    await expect(migrateInstances(db, lina, { key: "purchase_requisition", fromVersion: 2, toVersion: 3 })).rejects.toMatchObject({ code: "forbidden" });

    const result = await migrateInstances(db, admin, { key: "purchase_requisition", fromVersion: 2, toVersion: 3 });
    expect(result.migrated).toEqual(expect.arrayContaining([a.id, b.id]));
    const v3 = await db.processDefinition.findUniqueOrThrow({ where: { key_version: { key: "purchase_requisition", version: 3 } } });
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: a.id } })).definitionId).toBe(v3.id);
    expect(await db.instanceEvent.count({ where: { instanceId: a.id, type: "instance.migrated" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "process.instance.migrate", entityId: a.id } })).toBe(1);

    // It continues on v3: the quality task now has v3's 1-day SLA.
    const [review] = await openTasks(db, a.id);
    await completeTask(db, lina, { taskId: review.id, data: { decision: "approve" } });
    const [quality] = await openTasks(db, a.id);
    expect(quality.elementId).toBe("quality_approval");
    expect(quality.dueAt!.getTime() - quality.createdAt.getTime()).toBe(864e5);
    await completeTask(db, await employee(db, "chenjing"), { taskId: quality.id, data: { decision: "approve" } });
    expect(await db.job.count({ where: { instanceId: a.id, kind: "service" } })).toBe(1);

    // v4 renames the purchasing review: instances waiting there cannot move.
    expect((await publishProcess(db, admin, { xml: WITHOUT_REVIEW, editingKey: "purchase_requisition" })).version).toBe(4);
    const blocked = await migrateInstances(db, admin, { key: "purchase_requisition", fromVersion: 3, toVersion: 4 });
    expect(blocked.migrated).not.toContain(b.id);
    expect(blocked.skipped).toEqual(expect.arrayContaining([{ id: b.id, missing: ["purchasing_review"] }]));
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: b.id } })).definitionId).toBe(v3.id);
  });

  it("an operator cancels an instance with a reason: tasks cancelled, timers dropped, audited", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const inst = await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-CANCEL", variables: { amount: 100 } });
    expect(await db.job.count({ where: { instanceId: inst.id, kind: "timer", status: "pending" } })).toBe(1);
    await expect(cancelInstance(db, lina, { id: inst.id, reason: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await cancelInstance(db, admin, { id: inst.id, reason: "申请人撤回" });
    const row = await db.processInstance.findUniqueOrThrow({ where: { id: inst.id } });
    expect(row.status).toBe("cancelled");
    expect(await openTasks(db, inst.id)).toEqual([]);
    expect(await db.task.count({ where: { instanceId: inst.id, status: "cancelled" } })).toBe(1);
    expect(await db.job.count({ where: { instanceId: inst.id, status: "pending" } })).toBe(0);
    expect(await db.instanceEvent.findFirst({ where: { instanceId: inst.id, type: "instance.cancelled" } })).toMatchObject({ actorId: admin.id, data: { reason: "申请人撤回" } });
    expect(await db.auditLog.count({ where: { action: "process.instance.cancel", entityId: inst.id } })).toBe(1);
    await expect(cancelInstance(db, admin, { id: inst.id, reason: "again" })).rejects.toMatchObject({ code: "conflict" });
    await expect(cancelInstance(db, admin, { id: "00000000-0000-0000-0000-000000000000", reason: "x" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("rolls back by republishing an old version as a new one", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const r = await rollbackToVersion(db, admin, "purchase_requisition", 1);
    expect(r).toMatchObject({ version: 5, created: true });
    const v5 = await db.processDefinition.findUniqueOrThrow({ where: { key_version: { key: "purchase_requisition", version: 5 } } });
    expect(v5.xml).toBe(SHIPPED);
    expect(v5.source).toBe("editor");
    expect(await db.auditLog.count({ where: { action: "process.rollback", entityId: v5.id } })).toBe(1);
    await expect(rollbackToVersion(db, admin, "purchase_requisition", 99)).rejects.toMatchObject({ code: "not_found" });
  });

  it("heat map: instances and time per element from the history", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const v5 = await db.processDefinition.findUniqueOrThrow({ where: { key_version: { key: "purchase_requisition", version: 5 } } });
    const x = await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-HEAT-1", variables: { amount: 100 } });
    await startInstance(db, lina, { key: "purchase_requisition", businessKey: "PR-HEAT-2", variables: { amount: 100 } });
    advanceClock(3600_000);
    try {
      const [t] = await openTasks(db, x.id);
      await completeTask(db, lina, { taskId: t.id, data: { decision: "approve" } });
    } finally {
      resetClock();
    }
    const rows = await heatMap(db, admin, v5.id);
    const review = rows.find((r) => r.elementId === "purchasing_review")!;
    expect(review).toMatchObject({ instances: 2, visits: 2, active: 1 });
    expect(review.avgSeconds).toBeGreaterThan(3590);
    expect(review.avgSeconds).toBeLessThan(3700);
    expect(rows.find((r) => r.elementId === "start")).toMatchObject({ instances: 2 });
    await expect(heatMap(db, lina, v5.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("publishes in the caller's transaction: a failure after publishing rolls the version and its audit row back", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const counts = async () => Promise.all([db.processDefinition.count({ where: { key: "purchase_requisition" } }), db.auditLog.count({ where: { action: "process.publish" } })]);
    const before = await counts();
    const changed = SHIPPED.replace('name="采购申请审批"', 'name="采购申请审批（回滚测试）"');
    expect(changed).not.toBe(SHIPPED);
    const err = await db
      .$transaction(async (tx) => {
        const r = await publishDefinition(db, admin, changed, "editor", tx);
        expect(r.created).toBe(true);
        throw new Error("after publish");
      })
      .catch((e: Error) => e);
    expect(err).toMatchObject({ message: "after publish" });
    expect(await counts()).toEqual(before);

    // Through the editor: the version, the draft's deletion and both audit rows arrive together.
    await saveDraft(db, admin, { xml: changed, editingKey: "purchase_requisition" });
    const published = await publishProcess(db, admin, { xml: changed, editingKey: "purchase_requisition" });
    const def = await db.processDefinition.findUniqueOrThrow({ where: { key_version: { key: "purchase_requisition", version: published.version } } });
    expect(await db.processDraft.count({ where: { key: "purchase_requisition" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "process.publish", entityId: def.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "process.draft.published", entityId: "purchase_requisition", after: { path: ["version"], equals: published.version } } })).toBe(1);
  });

  it("lists instances with filters and paging on the server", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const all = await listInstances(db, admin, parseInstanceQuery({ key: "purchase_requisition" }));
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect((await listInstances(db, admin, parseInstanceQuery({ bk: "cancel" }))).rows.map((r) => r.businessKey)).toEqual(["PR-CANCEL"]);
    expect((await listInstances(db, admin, parseInstanceQuery({ status: "cancelled" }))).rows.map((r) => r.status)).toEqual(["cancelled"]);
    expect((await listInstances(db, admin, parseInstanceQuery({ starter: "lina" }))).total).toBe(all.total);
    expect((await listInstances(db, admin, parseInstanceQuery({ starter: "nobody-like-this" }))).total).toBe(0);
    expect((await listInstances(db, admin, parseInstanceQuery({ from: "2000-01-01", to: "2000-01-02" }))).total).toBe(0);
    // A hand-edited URL falls back to defaults instead of failing.
    expect(parseInstanceQuery({ status: "weird", page: "-4", from: "yesterday" })).toMatchObject({ status: "all", page: 1, from: null });
    expect(SYSTEM.realm).toBe("system");
  });
});
