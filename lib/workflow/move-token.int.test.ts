import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn, employee, openTasks } from "@/test/workflow-fixtures";
import { cancelInstance } from "./cancel-instance";
import { completeTask } from "./complete-task";
import { activeElementIds } from "./migrate-instances";
import { moveToken } from "./move-token";
import { publishDefinition } from "./publish-definition";
import { startInstance } from "./start-instance";

const TASK = (id: string) => `<bpmn:userTask id="${id}" name="步骤 ${id}" ff:candidateGroups="purchasing" ff:formKey="approval"/>`;

const LINE = bpmn(
  "mv_line",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="a"/>
  ${TASK("a")}<bpmn:boundaryEvent id="late" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="fl" sourceRef="late" targetRef="esc"/>${TASK("esc")}<bpmn:sequenceFlow id="fesc" sourceRef="esc" targetRef="j"/>
  <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="j"/><bpmn:exclusiveGateway id="j"/><bpmn:sequenceFlow id="fj" sourceRef="j" targetRef="b"/>${TASK("b")}
  <bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="c"/>${TASK("c")}
  <bpmn:sequenceFlow id="f3" sourceRef="c" targetRef="call"/>
  <bpmn:serviceTask id="call" name="通知" ff:handler="ledger.record"/>
  <bpmn:sequenceFlow id="f4" sourceRef="call" targetRef="sub"/>
  <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:sequenceFlow id="sf1" sourceRef="ss" targetRef="inner"/>${TASK("inner")}
    <bpmn:sequenceFlow id="sf2" sourceRef="inner" targetRef="se"/><bpmn:endEvent id="se"/></bpmn:subProcess>
  <bpmn:sequenceFlow id="f5" sourceRef="sub" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const SUB = bpmn(
  "mv_sub",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="sub"/>
  <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:sequenceFlow id="sf1" sourceRef="ss" targetRef="i1"/>${TASK("i1")}
    <bpmn:sequenceFlow id="sf2" sourceRef="i1" targetRef="i2"/>${TASK("i2")}<bpmn:sequenceFlow id="sf3" sourceRef="i2" targetRef="i3"/>${TASK("i3")}
    <bpmn:sequenceFlow id="sf4" sourceRef="i3" targetRef="se"/><bpmn:endEvent id="se"/></bpmn:subProcess>
  <bpmn:sequenceFlow id="f1" sourceRef="sub" targetRef="after"/>${TASK("after")}<bpmn:sequenceFlow id="f2" sourceRef="after" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const kinds = await dbKinds();

describe.each(kinds)("moving a token on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, LINE);
    await publishDefinition(opened.db, SYSTEM, SUB);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const version = async (id: string) => (await opened.db.processInstance.findUniqueOrThrow({ where: { id } })).version;

  it("moves A to C; C completes and the flow continues from C, never through B", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "mv_line", businessKey: "MV-1" });
    const [a] = await openTasks(db, started.id);
    expect(a.elementId).toBe("a");
    expect(await db.job.count({ where: { instanceId: started.id, kind: "timer", status: "pending" } })).toBe(1);

    const moved = await moveToken(db, admin, { instanceId: started.id, taskId: a.id, targetId: "c", reason: "B is not needed", version: await version(started.id) });
    expect(moved.status).toBe("running");
    const tasks = await db.task.findMany({ where: { instanceId: started.id }, orderBy: { createdAt: "asc" } });
    expect(tasks.map((t) => [t.elementId, t.status, t.outcome])).toEqual([["a", "cancelled", "moved"], ["c", "open", null]]);
    expect(tasks[1].id).toBe(moved.taskId);
    expect(tasks[1]).toMatchObject({ candidateGroups: ["purchasing"], formKey: "approval", name: "步骤 c" });
    // The stored engine state has a live token in C only (A and its boundary timer are gone).
    expect(activeElementIds((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).state)).toEqual(["c"]);
    // A's boundary timer went with A.
    expect(await db.job.count({ where: { instanceId: started.id, kind: "timer", status: "pending" } })).toBe(0);

    const history = await db.instanceEvent.findMany({ where: { instanceId: started.id }, orderBy: { at: "asc" } });
    const movedEvent = history.find((h) => h.type === "token.moved")!;
    expect(movedEvent).toMatchObject({ elementId: "a", taskId: a.id, actorId: admin.id, data: { fromElementId: "a", toElementId: "c", reason: "B is not needed" } });
    expect(history.filter((h) => h.at >= movedEvent.at).map((h) => [h.type, h.elementId])).toEqual(
      expect.arrayContaining([["element.entered", "c"], ["element.left", "a"], ["task.created", "c"]]),
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "process.instance.move", entityId: started.id } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { elementId: "a", taskId: a.id }, after: { elementId: "c", taskId: moved.taskId, reason: "B is not needed" } });

    // The persisted state resumes cleanly: completing C runs on to the service task, B never ran.
    await completeTask(db, lina, { taskId: moved.taskId!, data: { decision: "approve" } });
    const inst = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(inst.status).toBe("running");
    expect(await db.job.count({ where: { instanceId: started.id, kind: "service" } })).toBe(1);
    expect(await db.task.count({ where: { instanceId: started.id, elementId: "b" } })).toBe(0);
    // Nothing between A and C ran or was discarded, nor A's escalation path.
    expect(await db.instanceEvent.count({ where: { instanceId: started.id, elementId: { in: ["b", "j", "esc", "e"] } } })).toBe(0);
    expect(await openTasks(db, started.id)).toEqual([]);
    expect(activeElementIds((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).state)).toEqual(["call"]);
  });

  it("moves backwards (C to A) and the flow runs A, B, C again", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "mv_line" });
    for (const el of ["a", "b"]) {
      const [t] = await openTasks(db, started.id);
      expect(t.elementId).toBe(el);
      await completeTask(db, lina, { taskId: t.id, data: { decision: "approve" } });
    }
    const [c] = await openTasks(db, started.id);
    const { taskId } = await moveToken(db, admin, { instanceId: started.id, taskId: c.id, targetId: "a", reason: "redo", version: await version(started.id) });
    const [a2] = await openTasks(db, started.id);
    expect(a2).toMatchObject({ id: taskId, elementId: "a" });
    expect(await db.job.count({ where: { instanceId: started.id, kind: "timer", status: "pending" } })).toBe(1);
    for (const el of ["a", "b", "c"]) {
      const [t] = await openTasks(db, started.id);
      expect(t.elementId).toBe(el);
      await completeTask(db, lina, { taskId: t.id, data: { decision: "approve" } });
    }
    expect(await db.job.count({ where: { instanceId: started.id, kind: "service" } })).toBe(1);
  });

  it("refuses targets that are not user tasks, unknown, in another scope, stale versions, non-operators and ended instances", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "mv_line" });
    const [a] = await openTasks(db, started.id);
    const v = await version(started.id);
    const move = (targetId: string, over: Partial<Parameters<typeof moveToken>[2]> = {}) => moveToken(db, admin, { instanceId: started.id, taskId: a.id, targetId, reason: "x", version: v, ...over });
    const refused = (reason: string) => ({ code: "validation", fieldErrors: { targetId: `processes.move.refused.${reason}` } });
    await expect(move("call")).rejects.toMatchObject(refused("not_user_task"));
    await expect(move("s")).rejects.toMatchObject(refused("not_user_task"));
    await expect(move("nope")).rejects.toMatchObject(refused("not_in_definition"));
    await expect(move("inner")).rejects.toMatchObject(refused("other_scope"));
    await expect(move("a")).rejects.toMatchObject(refused("same_task"));
    await expect(move("c", { version: v - 1 })).rejects.toMatchObject({ code: "conflict" });
    await expect(moveToken(db, lina, { instanceId: started.id, taskId: a.id, targetId: "c", reason: "x", version: v })).rejects.toMatchObject({ code: "forbidden" });
    // Nothing changed by the refusals.
    expect((await openTasks(db, started.id)).map((t) => t.id)).toEqual([a.id]);
    expect(await version(started.id)).toBe(v);
    expect(await db.auditLog.count({ where: { action: "process.instance.move", entityId: started.id } })).toBe(0);

    await cancelInstance(db, admin, { id: started.id, reason: "stop" });
    await expect(move("c", { version: await version(started.id) })).rejects.toMatchObject(refused("not_running"));
  });

  it("moves inside an embedded sub-process, and not out of it", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "mv_sub" });
    const [i1] = await openTasks(db, started.id);
    expect(i1.elementId).toBe("i1");
    await expect(moveToken(db, admin, { instanceId: started.id, taskId: i1.id, targetId: "after", reason: "x", version: await version(started.id) })).rejects.toMatchObject({
      fieldErrors: { targetId: "processes.move.refused.other_scope" },
    });
    await moveToken(db, admin, { instanceId: started.id, taskId: i1.id, targetId: "i3", reason: "skip i2", version: await version(started.id) });
    const [i3] = await openTasks(db, started.id);
    expect(i3.elementId).toBe("i3");
    await completeTask(db, lina, { taskId: i3.id, data: { decision: "approve" } });
    const [after] = await openTasks(db, started.id);
    expect(after.elementId).toBe("after");
    await completeTask(db, lina, { taskId: after.id, data: { decision: "approve" } });
    expect((await db.processInstance.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("completed");
    expect(await db.task.count({ where: { instanceId: started.id, elementId: "i2" } })).toBe(0);
  });

  it("a completed task cannot be moved", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const lina = await employee(db, "lina");
    const started = await startInstance(db, lina, { key: "mv_line" });
    const [a] = await openTasks(db, started.id);
    await completeTask(db, lina, { taskId: a.id, data: { decision: "approve" } });
    await expect(moveToken(db, admin, { instanceId: started.id, taskId: a.id, targetId: "c", reason: "x", version: await version(started.id) })).rejects.toMatchObject({ code: "task_closed" });
  });
});
