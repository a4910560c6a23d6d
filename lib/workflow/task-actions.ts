import "server-only";
import type { Actor, EmployeeActor } from "../auth/actor";
import { hasPermission, requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "./clock";
import { notifyTaskCreated } from "./notify";
import { canSee } from "./task-access";

async function openTask(tx: Tx, actor: Actor, taskId: string) {
  const task = await tx.task.findUnique({ where: { id: taskId }, include: { instance: { select: { startedBy: true } } } });
  if (!task || !canSee(actor, task)) throw new AppError("not_found");
  if (task.status !== "open") throw new AppError("task_closed");
  return task;
}

async function record(tx: Tx, actor: EmployeeActor, task: { id: string; instanceId: string; elementId: string }, type: string, data: object) {
  await tx.instanceEvent.create({ data: { instanceId: task.instanceId, at: now(), type, elementId: task.elementId, taskId: task.id, actorId: actor.id, data } });
  await writeAudit(tx, actor, { action: type, entity: "Task", entityId: task.id, after: data });
}

/** Takes an unclaimed group task; of two claimers, the second is told it is taken. */
export async function claimTask(db: Db, who: Actor, taskId: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const task = await openTask(tx, actor, taskId);
    if (!task.candidateGroups.some((g) => actor.groups.includes(g))) throw new AppError("task_not_yours");
    const r = await tx.task.updateMany({ where: { id: taskId, status: "open", assigneeId: null }, data: { assigneeId: actor.id, claimedAt: now() } });
    if (r.count !== 1) throw new AppError("conflict");
    await record(tx, actor, task, "task.claimed", {});
  });
}

/** Gives a claimed task back to its groups. */
export async function unclaimTask(db: Db, who: Actor, taskId: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const task = await openTask(tx, actor, taskId);
    if (task.assigneeId !== actor.id || task.candidateGroups.length === 0) throw new AppError("task_not_yours");
    await tx.task.update({ where: { id: taskId }, data: { assigneeId: null, claimedAt: null } });
    await record(tx, actor, task, "task.unclaimed", {});
  });
}

/**
 * Delegate (the assignee hands it on) or reassign (a manager moves someone
 * else's task). Both are audited with who, from whom, to whom and why.
 */
export async function assignTask(db: Db, who: Actor, input: { taskId: string; toEmployeeId: string; reason?: string; mode: "delegate" | "reassign" }) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const task = await openTask(tx, actor, input.taskId);
    const mine = task.assigneeId === actor.id || (!task.assigneeId && task.candidateGroups.some((g) => actor.groups.includes(g)));
    if (input.mode === "delegate" && !mine) throw new AppError("task_not_yours");
    if (input.mode === "reassign" && !hasPermission(actor, "task.reassign")) throw new AppError("forbidden");
    if (task.candidateSupplierId && !task.assigneeId && task.candidateGroups.length === 0) throw new AppError("forbidden");
    const to = await tx.employee.findFirst({ where: { id: input.toEmployeeId, active: true }, select: { id: true } });
    if (!to) throw new AppError("validation", { fieldErrors: { toEmployeeId: "validation.unknown_employee" } });
    const updated = await tx.task.update({ where: { id: task.id }, data: { assigneeId: to.id, claimedAt: now() } });
    await record(tx, actor, task, input.mode === "delegate" ? "task.delegated" : "task.reassigned", { from: task.assigneeId, to: to.id, reason: input.reason ?? null });
    await notifyTaskCreated(tx, updated);
  });
}

export async function commentOnTask(db: Db, who: Actor, input: { taskId: string; body: string }) {
  const body = input.body.trim();
  if (!body || body.length > 4000) throw new AppError("validation", { fieldErrors: { body: "validation.too_small" } });
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: input.taskId }, include: { instance: { select: { startedBy: true } } } });
    if (!task || !canSee(who, task)) throw new AppError("not_found");
    if (who.realm === "system") throw new AppError("forbidden");
    const c = await tx.taskComment.create({ data: { instanceId: task.instanceId, taskId: task.id, authorRealm: who.realm, authorId: who.id, body } });
    await writeAudit(tx, who, { action: "task.comment", entity: "Task", entityId: task.id, after: { commentId: c.id } });
    return c;
  });
}
