import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { dbKinds, freshDb } from "@/test/db";
import { bpmn } from "@/test/workflow-fixtures";
import { runDueJobs } from "./jobs/worker";
import { publishDefinition } from "./publish-definition";
import { startInstance } from "./start-instance";
import { insertEvents, insertNotifications, insertTask, saveInstance } from "./step-sql";

// A 1-second timer in front of a user task: its job runs after real time passed,
// so the engine fires the expired timer by itself while resuming.
const SHORT_TIMER = bpmn(
  "short_timer",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="wait"/>
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="after"/><bpmn:userTask id="after" name="之后" ff:candidateGroups="purchasing"/>
  <bpmn:sequenceFlow id="f2" sourceRef="after" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

const kinds = await dbKinds();

describe.each(kinds)("step writes on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const tz = process.env.TZ;
  beforeAll(async () => {
    // Dates must land as UTC whatever the server's time zone.
    process.env.TZ = "Asia/Shanghai";
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, SHORT_TIMER);
  });
  afterAll(async () => {
    process.env.TZ = tz;
    await opened?.close();
  });

  it("write the same values Prisma reads back", async () => {
    const db = opened.db;
    const started = await startInstance(db, SYSTEM, { key: "short_timer" });
    const at = new Date("2026-03-04T05:06:07.089Z");
    await db.$transaction(async (tx) => {
      const due = new Date("2026-03-06T23:59:59.999Z");
      const task = await insertTask(tx, { instanceId: started.id, executionId: "exec-1", elementId: "after", name: "之后", assigneeId: null, substituteFor: null, candidateGroups: ["purchasing", "quality"], candidateSupplierId: null, formKey: "approval", dueAt: due, priority: 70, createdAt: at });
      expect(task).toMatchObject({ executionId: "exec-1", candidateGroups: ["purchasing", "quality"], assigneeId: null });
      expect(await insertTask(tx, { instanceId: started.id, executionId: "exec-1", elementId: "x", name: "x", assigneeId: null, substituteFor: null, candidateGroups: [], candidateSupplierId: null, formKey: null, dueAt: null, priority: 1, createdAt: at })).toBeNull();
      const row = await tx.task.findUniqueOrThrow({ where: { executionId: "exec-1" } });
      expect(row).toMatchObject({ id: task!.id, status: "open", priority: 70, formKey: "approval", name: "之后" });
      expect(row.createdAt.getTime()).toBe(at.getTime());
      expect(row.dueAt!.getTime()).toBe(due.getTime());

      await insertEvents(tx, [
        { instanceId: started.id, at, type: "test.a", elementId: "after", taskId: task!.id, actorId: null, data: { n: 1, s: "中文", nested: { a: [1, null] } } },
        { instanceId: started.id, at: new Date(at.getTime() + 1), type: "test.b" },
      ]);
      const events = await tx.instanceEvent.findMany({ where: { instanceId: started.id, type: { startsWith: "test." } }, orderBy: { at: "asc" } });
      expect(events.map((e) => [e.type, e.at.getTime(), e.elementId, e.taskId, e.data])).toEqual([
        ["test.a", at.getTime(), "after", task!.id, { n: 1, s: "中文", nested: { a: [1, null] } }],
        ["test.b", at.getTime() + 1, null, null, null],
      ]);

      const before = Date.now();
      await insertNotifications(tx, [{ recipientRealm: "supplier", recipientId: "u1", kind: "task.offered", title: "确认", link: "/portal/tasks/1" }]);
      const n = await tx.notification.findFirstOrThrow({ where: { recipientId: "u1" } });
      expect(n).toMatchObject({ recipientRealm: "supplier", kind: "task.offered", title: "确认", link: "/portal/tasks/1", readAt: null });
      expect(Math.abs(n.createdAt.getTime() - before)).toBeLessThan(60_000);

      const inst = await tx.processInstance.findUniqueOrThrow({ where: { id: started.id } });
      const saved = await saveInstance(tx, inst, { state: { deep: { list: [1, "二"] } }, variables: { amount: 5 }, status: "completed", endedAt: at, incident: null, incidentCode: null }, { messagesKeep: [], timersKeep: null });
      expect(saved.updated).toBe(true);
      expect(saved.open.map((t) => t.executionId)).toEqual(["exec-1"]);
      const after = await tx.processInstance.findUniqueOrThrow({ where: { id: started.id } });
      expect(after).toMatchObject({ status: "completed", version: inst.version + 1, state: { deep: { list: [1, "二"] } }, variables: { amount: 5 } });
      expect(after.endedAt!.getTime()).toBe(at.getTime());
      // pending timer jobs went with it; a stale version is not ours
      expect(await tx.job.count({ where: { instanceId: started.id, status: "pending" } })).toBe(0);
      expect((await saveInstance(tx, inst, { state: {}, variables: {}, status: "running", endedAt: null, incident: null, incidentCode: null }, null)).updated).toBe(false);
      throw new Error("rollback");
    }).catch((e) => {
      if ((e as Error).message !== "rollback") throw e;
    });
  });

  it("an expired timer keeps its history, and a timer job run twice fires once", async () => {
    const db = opened.db;
    const started = await startInstance(db, SYSTEM, { key: "short_timer" });
    const job = await db.job.findFirstOrThrow({ where: { instanceId: started.id, kind: "timer" } });
    await new Promise((r) => setTimeout(r, job.runAt.getTime() - Date.now() + 50));
    await runDueJobs(db);
    // A worker whose lease ran out runs the same job again.
    await db.job.update({ where: { id: job.id }, data: { status: "running", lockedUntil: new Date(Date.now() - 1000) } });
    await runDueJobs(db);
    const inst = await db.processInstance.findUniqueOrThrow({ where: { id: started.id } });
    expect(inst.version).toBe(2);
    const types = (await db.instanceEvent.findMany({ where: { instanceId: started.id }, orderBy: { at: "asc" } })).map((e) => `${e.type}:${e.elementId ?? ""}`);
    expect(types.filter((t) => t.startsWith("timer.fired"))).toHaveLength(1);
    expect(types).toEqual(expect.arrayContaining(["element.left:wait", "element.entered:after", "task.created:after"]));
    expect(await db.task.count({ where: { instanceId: started.id } })).toBe(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("done");
  });
});
