import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { canSee } from "../workflow/task-access";

/** "2026-11-28T09:00" as the company's wall-clock time (Asia/Shanghai has no daylight saving). */
function parseLocalDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(`${value}:00+08:00`);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) return null;
  return d;
}

/**
 * Moves an open task's due date (people with task.reassign who can see it), with
 * a history entry and an audit row in one transaction. A date in the
 * past is allowed: it marks the task overdue, which is what some escalations want.
 */
export async function setTaskDue(db: Db, who: Actor, input: { taskId: string; dueAt: string }) {
  const actor = requirePermission(who, "task.reassign");
  const dueAt = parseLocalDateTime(input.dueAt);
  if (!dueAt) throw new AppError("validation", { fieldErrors: { dueAt: "validation.invalid_format" } });
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: input.taskId }, include: { instance: { select: { startedBy: true } } } });
    if (!task || !canSee(actor, task)) throw new AppError("not_found");
    if (task.status !== "open") throw new AppError("task_closed");
    await tx.task.update({ where: { id: task.id }, data: { dueAt } });
    await tx.instanceEvent.create({
      data: { instanceId: task.instanceId, at: now(), type: "task.due_changed", elementId: task.elementId, taskId: task.id, actorId: actor.id, data: { dueAt: dueAt.toISOString(), before: task.dueAt?.toISOString() ?? null } },
    });
    await writeAudit(tx, actor, { action: "task.due_changed", entity: "Task", entityId: task.id, before: { dueAt: task.dueAt }, after: { dueAt } });
    return { dueAt };
  });
}
