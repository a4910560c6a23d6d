import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { advanceClock, resetClock } from "@/lib/workflow/clock";
import { completeTask } from "@/lib/workflow/complete-task";
import { publishDefinition } from "@/lib/workflow/publish-definition";
import { startInstance } from "@/lib/workflow/start-instance";
import { claimTask, commentOnTask } from "@/lib/workflow/task-actions";
import { dbKinds, freshDb } from "@/test/db";
import { employee, openTasks, twoGroupTasksFlow, shanghaiDay } from "@/test/workflow-fixtures";
import { cancelSubstitution } from "./cancel-substitution";
import { createSubstitution } from "./create-substitution";

// One group task for purchasing, one for quality: who stands in for a buyer covers the first only.
const XML = twoGroupTasksFlow("group_cover_test");

const kinds = await dbKinds();

describe.each(kinds)("a substitute covers group tasks on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, XML);
  });
  afterAll(async () => {
    resetClock();
    await opened?.close();
  });

  const start = async () => {
    const inst = await startInstance(opened.db, SYSTEM, { key: "group_cover_test" });
    const tasks = await openTasks(opened.db, inst.id);
    return { buy: tasks.find((t) => t.elementId === "buy")!, qc: tasks.find((t) => t.elementId === "qc")! };
  };

  it("the buyer's substitute claims and completes a purchasing group task while the substitution runs, audited; not quality's, not afterwards", async () => {
    const db = opened.db;
    const lina = await employee(db, "lina");
    const zhaoqiang = await employee(db, "zhaoqiang"); // warehouse, not in purchasing
    const sub = await createSubstitution(db, lina, { substituteId: zhaoqiang.id, startsOn: shanghaiDay(new Date()), endsOn: shanghaiDay(new Date(Date.now() + 2 * 864e5)), reason: "年假" });

    const first = await start();
    // Not a buyer's work: the quality task stays out of reach.
    await expect(claimTask(db, zhaoqiang, first.qc.id)).rejects.toMatchObject({ code: "not_found" });
    await claimTask(db, zhaoqiang, first.buy.id);
    const claimed = await db.task.findUniqueOrThrow({ where: { id: first.buy.id } });
    expect(claimed).toMatchObject({ assigneeId: zhaoqiang.id, substituteFor: lina.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "Task", entityId: first.buy.id, action: "task.claimed" } });
    expect(audit).toMatchObject({ actorId: zhaoqiang.id, after: { substituteFor: lina.id, from: null } });
    await commentOnTask(db, zhaoqiang, { taskId: first.buy.id, body: "已询价三家" });
    await completeTask(db, zhaoqiang, { taskId: first.buy.id, data: {} });
    expect((await db.task.findUniqueOrThrow({ where: { id: first.buy.id } })).completedById).toBe(zhaoqiang.id);

    // Past the period's last day, the cover has ended.
    const later = await start();
    advanceClock(4 * 864e5);
    await expect(claimTask(db, zhaoqiang, later.buy.id)).rejects.toMatchObject({ code: "not_found" });
    resetClock();
    // And so once it is cancelled.
    await cancelSubstitution(db, lina, sub.id);
    await expect(claimTask(db, zhaoqiang, later.buy.id)).rejects.toMatchObject({ code: "not_found" });
    // The buyer's own group still has it.
    await claimTask(db, await employee(db, "liuyang"), later.buy.id);
  });
});
