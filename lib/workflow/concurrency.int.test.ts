import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { openDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { freshDb, postgresAvailable } from "@/test/db";
import { bpmn, employee, openTasks } from "@/test/workflow-fixtures";
import { completeTask } from "./complete-task";
import { publishDefinition } from "./publish-definition";
import { startInstance } from "./start-instance";

const XML = bpmn(
  "race",
  `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="t"/>
  <bpmn:userTask id="t" name="审核" ff:candidateGroups="purchasing"/><bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="t2"/>
  <bpmn:userTask id="t2" name="复核" ff:candidateGroups="purchasing"/><bpmn:sequenceFlow id="f2" sourceRef="t2" targetRef="e"/><bpmn:endEvent id="e"/>`,
);

describe.runIf(await postgresAvailable())("concurrent completion on PostgreSQL (two connections)", () => {
  let primary: Awaited<ReturnType<typeof freshDb>>;
  let second: Awaited<ReturnType<typeof openDb>>;
  beforeAll(async () => {
    primary = await freshDb("postgresql");
    second = await openDb({ mode: "postgresql", url: primary.url! });
    await seedDemo(primary.db);
    await publishDefinition(primary.db, SYSTEM, XML);
  });
  afterAll(async () => {
    await second?.close();
    await primary?.close();
  });

  it("exactly one of two simultaneous completions wins, the other is a clear conflict", async () => {
    for (let round = 0; round < 5; round++) {
      const inst = await startInstance(primary.db, SYSTEM, { key: "race" });
      const [task] = await openTasks(primary.db, inst.id);
      const [a, b] = await Promise.allSettled([
        completeTask(primary.db, await employee(primary.db, "lina"), { taskId: task.id, data: {} }),
        completeTask(second.db, await employee(second.db, "liuyang"), { taskId: task.id, data: {} }),
      ]);
      const outcomes = [a, b].map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code?: string }).code));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
      expect(outcomes.filter((o) => o !== "ok")[0]).toMatch(/^(conflict|task_closed|task_not_yours|not_found)$/);
      const row = await primary.db.processInstance.findUniqueOrThrow({ where: { id: inst.id } });
      expect(row.version).toBe(2);
      const tasks = await primary.db.task.findMany({ where: { instanceId: inst.id } });
      expect(tasks.filter((t) => t.elementId === "t2")).toHaveLength(1);
      expect(await primary.db.instanceEvent.count({ where: { instanceId: inst.id, type: "task.completed" } })).toBe(1);
    }
  });
});
