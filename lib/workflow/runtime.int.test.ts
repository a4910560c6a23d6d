import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { hasPermission, PERMISSIONS } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn, employee, openTasks, supplierUser } from "@/test/workflow-fixtures";
import { advanceClock, resetClock } from "./clock";
import { completeTask } from "./complete-task";
import { deliverMessage } from "./deliver-message";
import { runDueJobs } from "./jobs/worker";
import { retryFailedJob } from "./jobs/retry-job";
import { publishDefinition } from "./publish-definition";
import { installModules } from "./registry";
import { startInstance } from "./start-instance";

const GATEWAY = bpmn(
  "gw",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
  <bpmn:userTask id="review" name="审核" ff:candidateGroups="purchasing" ff:formKey="approval" ff:dueDate="P2D"/>
  <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="g"/>
  <bpmn:exclusiveGateway id="g" default="fsmall"/>
  <bpmn:sequenceFlow id="fbig" sourceRef="g" targetRef="mgmt"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 1000}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fsmall" sourceRef="g" targetRef="e"/>
  <bpmn:userTask id="mgmt" name="管理层审批" ff:candidateGroups="management" ff:formKey="approval"/>
  <bpmn:sequenceFlow id="f3" sourceRef="mgmt" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const PARALLEL = bpmn(
  "par",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="split"/>
  <bpmn:parallelGateway id="split"/>
  <bpmn:sequenceFlow id="fa" sourceRef="split" targetRef="qa"/><bpmn:sequenceFlow id="fb" sourceRef="split" targetRef="wh"/>
  <bpmn:userTask id="qa" name="质检" ff:candidateGroups="quality"/><bpmn:userTask id="wh" name="仓库" ff:candidateGroups="warehouse"/>
  <bpmn:sequenceFlow id="fa2" sourceRef="qa" targetRef="join"/><bpmn:sequenceFlow id="fb2" sourceRef="wh" targetRef="join"/>
  <bpmn:parallelGateway id="join"/><bpmn:sequenceFlow id="f9" sourceRef="join" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const TIMER = bpmn(
  "sla",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="t"/>
  <bpmn:userTask id="t" name="处理" ff:candidateGroups="purchasing"/>
  <bpmn:boundaryEvent id="late" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P40D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="fl" sourceRef="late" targetRef="esc"/><bpmn:userTask id="esc" name="升级处理" ff:candidateGroups="management"/>
  <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="e"/><bpmn:sequenceFlow id="f2" sourceRef="esc" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const MESSAGE = bpmn(
  "msg",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="wait"/>
  <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m_confirmed"/></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="e"/><bpmn:endEvent id="e"/>`,
  `<bpmn:message id="m_confirmed" name="supplier_confirmed"/>`,
);

const SERVICE = bpmn(
  "svc",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="call"/>
  <bpmn:serviceTask id="call" name="调用外部系统" ff:handler="test.flaky"/>
  <bpmn:sequenceFlow id="f1" sourceRef="call" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

let flakyFailuresLeft = 0;
let flakyCalls = 0;
installModules([
  {
    name: "test-runtime",
    serviceHandlers: [
      {
      name: "test.flaky",
      labelZh: "测试",
      labelEn: "Test",
      maxAttempts: 3,
      async run() {
        flakyCalls++;
        if (flakyFailuresLeft-- > 0) throw new Error("ERP unavailable");
        return { erpRef: "PO-1" };
      },
      },
    ],
  },
]);

const kinds = await dbKinds();

describe.each(kinds)("workflow runtime on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    for (const xml of [GATEWAY, PARALLEL, TIMER, MESSAGE, SERVICE]) await publishDefinition(opened.db, SYSTEM, xml);
  });
  afterAll(async () => {
    resetClock();
    await opened?.close();
  });

  it("start -> user task -> exclusive gateway -> user task -> end", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "gw", businessKey: "PR-1", variables: { amount: 5000 } });
    const [review] = await openTasks(db, started.id);
    expect(review).toMatchObject({ elementId: "review", candidateGroups: ["purchasing"], formKey: "approval", assigneeId: null });
    expect(review.dueAt!.getTime() - review.createdAt.getTime()).toBe(2 * 864e5);
    await expect(completeTask(db, lina, { taskId: review.id, data: { decision: "maybe" } })).rejects.toMatchObject({ code: "validation" });
    await completeTask(db, lina, { taskId: review.id, data: { decision: "approve", comment: "ok" } });
    const [mgmt] = await openTasks(db, started.id);
    expect(mgmt).toMatchObject({ elementId: "mgmt", candidateGroups: ["management"] });
    await expect(completeTask(db, lina, { taskId: mgmt.id, data: { decision: "approve" } })).rejects.toMatchObject({ code: "task_not_yours" });
    await completeTask(db, await employee(db, "zhangwei"), { taskId: mgmt.id, data: { decision: "approve" } });
    const done = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(done.status).toBe("completed");
    expect(done.version).toBe(3);
    await expect(completeTask(db, lina, { taskId: review.id, data: { decision: "approve" } })).rejects.toMatchObject({ code: "task_closed" });
    const types = (await db.instanceEvent.findMany({ where: { instanceId: started.id }, orderBy: { at: "asc" } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["instance.started", "task.created", "task.completed", "element.entered", "element.left", "instance.completed"]));
    expect(await db.auditLog.count({ where: { action: "task.complete", entityId: { in: [review.id, mgmt.id] } } })).toBe(2);
  });

  it("records which variables a step changed, before and after, with long values trimmed", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "gw", businessKey: "PR-VARS", variables: { amount: 5000 } });
    const changes = async () => (await db.instanceEvent.findMany({ where: { instanceId: started.id, type: "variables.changed" }, orderBy: { at: "asc" } })).map((e) => e.data as { keys: string[]; changes: Record<string, { before: unknown; after: unknown }> });
    const [atStart] = await changes();
    expect(atStart.keys).toEqual(["amount", "businessKey", "initiator"]);
    expect(atStart.changes.amount).toEqual({ before: null, after: 5000 });
    const [review] = await openTasks(db, started.id);
    const long = "很".repeat(1000);
    await completeTask(db, lina, { taskId: review.id, data: { decision: "approve", comment: long } });
    const [, afterReview] = await changes();
    expect(afterReview.keys).toEqual(["comment", "decision"]);
    expect(afterReview.changes.decision).toEqual({ before: null, after: "approve" });
    expect(String(afterReview.changes.comment.after).length).toBeLessThan(400);
    const [mgmt] = await openTasks(db, started.id);
    // Same decision again, no comment: only the comment changed (it is now absent).
    await completeTask(db, await employee(db, "zhangwei"), { taskId: mgmt.id, data: { decision: "approve" } });
    const all = await changes();
    expect(all).toHaveLength(2);
    // The form drops the absent comment, the engine keeps the old one: nothing changed, nothing recorded.
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("completed");
  });

  it("takes the default flow for a small amount", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "gw", variables: { amount: 10 } });
    const [review] = await openTasks(db, started.id);
    await completeTask(db, lina, { taskId: review.id, data: { decision: "approve" } });
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("completed");
  });

  it("parallel split and join", async () => {
    const db = opened.db;
    const started = await startInstance(db, await employee(db, "lina"), { key: "par" });
    const tasks = await openTasks(db, started.id);
    expect(tasks.map((t) => t.elementId).sort()).toEqual(["qa", "wh"]);
    await completeTask(db, await employee(db, "yangfan"), { taskId: tasks.find((t) => t.elementId === "qa")!.id, data: {} });
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("running");
    await completeTask(db, await employee(db, "xuming"), { taskId: tasks.find((t) => t.elementId === "wh")!.id, data: {} });
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("completed");
  });

  it("a 40-day SLA timer is a durable job that escalates the task", async () => {
    const db = opened.db;
    const started = await startInstance(db, await employee(db, "lina"), { key: "sla" });
    const job = await db.job.findFirstOrThrow({ where: { instanceId: started.id, kind: "timer" } });
    expect(job.runAt.getTime() - Date.now()).toBeGreaterThan(39 * 864e5);
    expect(await runDueJobs(db)).toBe(0);
    advanceClock(41 * 864e5);
    try {
      expect(await runDueJobs(db)).toBe(1);
    } finally {
      resetClock();
    }
    const tasks = await db.task.findMany({ where: { instanceId: started.id }, orderBy: { createdAt: "asc" } });
    expect(tasks.map((t) => [t.elementId, t.status])).toEqual([["t", "cancelled"], ["esc", "open"]]);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("done");
  });

  it("delivers a message by name and business key to the waiting instance only", async () => {
    const db = opened.db;
    const a = await startInstance(db, SYSTEM, { key: "msg", businessKey: "PO-4711" });
    const b = await startInstance(db, SYSTEM, { key: "msg", businessKey: "PO-4712" });
    await expect(deliverMessage(db, SYSTEM, { name: "supplier_confirmed", businessKey: "PO-9999" })).rejects.toMatchObject({ code: "no_waiting_message" });
    await deliverMessage(db, SYSTEM, { name: "supplier_confirmed", businessKey: "PO-4711", data: { confirmedQty: 10 } });
    const [ia, ib] = await Promise.all([a, b].map((x) => db.processInstance.findUniqueOrThrow({ where: { id: x.id } })));
    expect(ia.status).toBe("completed");
    expect((ia.variables as Record<string, unknown>).confirmedQty).toBe(10);
    expect(await db.instanceEvent.findFirst({ where: { instanceId: a.id, type: "variables.changed" }, orderBy: { at: "desc" } })).toMatchObject({ data: { keys: ["confirmedQty"], changes: { confirmedQty: { before: null, after: 10 } } } });
    expect(ib.status).toBe("running");
  });

  it("a failing service job is retried, becomes an incident, and an operator retry completes it", async () => {
    const db = opened.db;
    flakyFailuresLeft = 5;
    flakyCalls = 0;
    const started = await startInstance(db, SYSTEM, { key: "svc", businessKey: "X-1" });
    const job = await db.job.findFirstOrThrow({ where: { instanceId: started.id, kind: "service" } });
    await db.job.update({ where: { id: job.id }, data: { maxAttempts: 3 } });
    for (let i = 0; i < 3; i++) {
      advanceClock(11 * 60_000);
      await runDueJobs(db);
    }
    resetClock();
    expect(flakyCalls).toBe(3);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("failed");
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("incident");
    await expect(retryFailedJob(db, await employee(db, "lina"), job.id)).rejects.toMatchObject({ code: "forbidden" });
    flakyFailuresLeft = 0;
    await retryFailedJob(db, await employee(db, "admin"), job.id);
    await runDueJobs(db);
    const done = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(done.status).toBe("completed");
    expect((done.variables as Record<string, unknown>).erpRef).toBe("PO-1");
    expect(await db.instanceEvent.findFirst({ where: { instanceId: started.id, type: "variables.changed" }, orderBy: { at: "desc" } })).toMatchObject({ data: { keys: ["erpRef"], changes: { erpRef: { before: null, after: "PO-1" } } } });
    expect(await db.instanceEvent.count({ where: { instanceId: started.id, type: { in: ["job.retry", "job.failed", "job.retried"] } } })).toBe(4);
  });

  it("an integration manager without process.operate retries failed ERP jobs only", async () => {
    const db = opened.db;
    // No shipped role holds integration.manage without process.operate: lend it to a test role.
    const managers = PERMISSIONS["integration.manage"] as readonly string[] as string[];
    managers.push("integration_only");
    const failed = { status: "failed" as const, attempts: 5, lastError: "ERP unavailable" };
    const erpWrite = await db.job.create({ data: { kind: "erp.write", payload: { op: "upsertParty" }, ...failed } });
    const erpService = await db.job.create({ data: { kind: "service", payload: { handler: "erp.confirmPurchaseOrder" }, ...failed } });
    const other = await db.job.create({ data: { kind: "service", payload: { handler: "test.flaky" }, ...failed } });
    try {
      const manager = { ...(await employee(db, "admin")), roles: ["integration_only"] };
      expect(hasPermission(manager, "integration.manage")).toBe(true);
      expect(hasPermission(manager, "process.operate")).toBe(false);
      await expect(retryFailedJob(db, manager, erpWrite.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(retryFailedJob(db, await employee(db, "lina"), erpWrite.id, { permission: "integration.manage" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(retryFailedJob(db, manager, other.id, { permission: "integration.manage" })).rejects.toMatchObject({ code: "forbidden" });
      expect(await db.job.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "failed", attempts: 5 });

      await retryFailedJob(db, manager, erpWrite.id, { permission: "integration.manage" });
      await retryFailedJob(db, manager, erpService.id, { permission: "integration.manage" });
      for (const id of [erpWrite.id, erpService.id]) expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", attempts: 0, lastError: null });
      expect(await db.auditLog.count({ where: { action: "job.retry", entityId: erpWrite.id, actorId: manager.id } })).toBe(1);
      await expect(retryFailedJob(db, manager, erpWrite.id, { permission: "integration.manage" })).rejects.toMatchObject({ code: "job_not_failed" });
    } finally {
      managers.splice(managers.indexOf("integration_only"), 1);
      // Nothing here can run them: keep them away from the worker in later cases.
      await db.job.deleteMany({ where: { id: { in: [erpWrite.id, erpService.id, other.id] } } });
    }
  });

  it("a supplier works only on its own portal tasks", async () => {
    const db = opened.db;
    const s1 = await db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const started = await startInstance(db, await employee(db, "chenjing"), { key: "quality_issue_test", supplierId: s1.id }).catch(() => null);
    expect(started).toBeNull(); // not published in this suite: clear process_not_found
    const xml = bpmn("portal", `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="t"/><bpmn:userTask id="t" name="确认" ff:candidateSupplier="\${supplierId}"/><bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>`);
    await publishDefinition(db, SYSTEM, xml);
    const inst = await startInstance(db, await employee(db, "chenjing"), { key: "portal", supplierId: s1.id });
    const [task] = await openTasks(db, inst.id);
    expect(task.candidateSupplierId).toBe(s1.id);
    await expect(completeTask(db, await supplierUser(db, "supplier2"), { taskId: task.id, data: {} })).rejects.toMatchObject({ code: "not_found" });
    await expect(completeTask(db, await employee(db, "chenjing"), { taskId: task.id, data: {} })).rejects.toMatchObject({ code: "task_not_yours" });
    await expect(completeTask(db, await employee(db, "sunli"), { taskId: task.id, data: {} })).rejects.toMatchObject({ code: "not_found" });
    await completeTask(db, await supplierUser(db, "supplier1"), { taskId: task.id, data: {} });
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: inst.id } })).status).toBe("completed");
  });
});
