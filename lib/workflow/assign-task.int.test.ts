import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { setEmployeeActive } from "@/lib/org/save-employee";
import { dbKinds, freshDb } from "@/test/db";
import { employee, openTasks, qualityTaskFlow } from "@/test/workflow-fixtures";
import { publishDefinition } from "./publish-definition";
import { startInstance } from "./start-instance";
import { assignTask, claimTask } from "./task-actions";

const XML = qualityTaskFlow("delegate_test");

const kinds = await dbKinds();

describe.each(kinds)("handing a task on (delegate, reassign) on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    await seedDemo(opened.db);
    await publishDefinition(opened.db, SYSTEM, XML);
  });
  afterAll(async () => {
    await opened?.close();
  });

  const newTask = async () => (await openTasks(opened.db, (await startInstance(opened.db, SYSTEM, { key: "delegate_test" })).id))[0];
  const trail = (taskId: string) => opened.db.auditLog.count({ where: { entity: "Task", entityId: taskId } });

  it("refuses to delegate to oneself, to the current assignee and to a deactivated account, each with a translated field error, changing nothing", async () => {
    const db = opened.db;
    const chenjing = await employee(db, "chenjing");
    const yangfan = await employee(db, "yangfan");
    const task = await newTask();
    await claimTask(db, chenjing, task.id);
    const before = { row: await db.task.findUniqueOrThrow({ where: { id: task.id } }), audits: await trail(task.id) };

    await expect(assignTask(db, chenjing, { taskId: task.id, toEmployeeId: chenjing.id, reason: "自己", mode: "delegate" })).rejects.toMatchObject({ code: "validation", fieldErrors: { toEmployeeId: "validation.delegate_to_self" } });
    // Moving it (as a manager) to the person who has it already changes nothing either.
    await expect(assignTask(db, chenjing, { taskId: task.id, toEmployeeId: chenjing.id, reason: "x", mode: "reassign" })).rejects.toMatchObject({ fieldErrors: { toEmployeeId: "validation.already_assignee" } });

    const admin = await employee(db, "admin");
    await setEmployeeActive(db, admin, yangfan.id, false);
    await expect(assignTask(db, chenjing, { taskId: task.id, toEmployeeId: yangfan.id, reason: "休假", mode: "delegate" })).rejects.toMatchObject({ code: "validation", fieldErrors: { toEmployeeId: "validation.employee_inactive" } });
    await setEmployeeActive(db, admin, yangfan.id, true);

    expect({ row: await db.task.findUniqueOrThrow({ where: { id: task.id } }), audits: await trail(task.id) }).toEqual(before);

    // The messages exist in both languages.
    const zh = (await import("@/lib/i18n/messages/zh-CN.json")).default as { validation: Record<string, string> };
    const en = (await import("@/lib/i18n/messages/en.json")).default as { validation: Record<string, string> };
    for (const key of ["delegate_to_self", "already_assignee", "employee_inactive"]) {
      expect(zh.validation[key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(en.validation[key], key).toMatch(/^[A-Z]/);
    }

    // To a colleague it works, audited with from, to and why.
    await assignTask(db, chenjing, { taskId: task.id, toEmployeeId: yangfan.id, reason: "专业对口", mode: "delegate" });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(yangfan.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "Task", entityId: task.id, action: "task.delegated" } });
    expect(audit.after).toEqual({ from: chenjing.id, to: yangfan.id, reason: "专业对口" });
  });
});
