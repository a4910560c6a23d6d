import "server-only";
import type { Actor, EmployeeActor } from "../auth/actor";
import { hasPermission, requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "./clock";
import { notifyTaskCreated } from "./notify";
import { standsInFor, substituteScope, type SubstituteScope } from "./substitute-scope";
import { canSee } from "./task-access";

/** The open task, if the actor may see it (as themselves or as someone's substitute), with the actor's substitute scope. */
async function openTask(tx: Tx, actor: Actor, taskId: string): Promise<{ task: NonNullable<Awaited<ReturnType<typeof loadTask>>>; scope: SubstituteScope }> {
  const task = await loadTask(tx, taskId);
  const scope = await substituteScope(tx, actor, now());
  if (!task || !canSee(actor, task, scope)) throw new AppError("not_found");
  if (task.status !== "open") throw new AppError("task_closed");
  return { task, scope };
}

const loadTask = (tx: Tx, taskId: string) => tx.task.findUnique({ where: { id: taskId }, include: { instance: { select: { startedBy: true } } } });

const ownGroup = (actor: EmployeeActor, task: { candidateGroups: string[] }) => task.candidateGroups.some((g) => actor.groups.includes(g));

async function record(tx: Tx, actor: EmployeeActor, task: { id: string; instanceId: string; elementId: string }, type: string, data: object) {
  await tx.instanceEvent.create({ data: { instanceId: task.instanceId, at: now(), type, elementId: task.elementId, taskId: task.id, actorId: actor.id, data } });
  await writeAudit(tx, actor, { action: type, entity: "Task", entityId: task.id, after: data });
}

/**
 * Takes an unclaimed group task; of two claimers, the second is told it is
 * taken. A substitute takes the group tasks of the person they stand in for,
 * and that person's own tasks, while the substitution runs; the task then
 * names whom they stand in for (substituteFor), as routed tasks do.
 */
export async function claimTask(db: Db, who: Actor, taskId: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const { task, scope } = await openTask(tx, actor, taskId);
    // A member of its groups claims it as their own (and finds it taken if it is someone else's already).
    const standIn = task.assigneeId || !ownGroup(actor, task) ? standsInFor(scope, task) : null;
    if (!standIn && !ownGroup(actor, task)) throw new AppError("task_not_yours");
    const data = standIn ? { assigneeId: actor.id, claimedAt: now(), substituteFor: standIn } : { assigneeId: actor.id, claimedAt: now() };
    const r = await tx.task.updateMany({ where: { id: taskId, status: "open", assigneeId: standIn ? task.assigneeId : null }, data });
    if (r.count !== 1) throw new AppError("conflict");
    await record(tx, actor, task, "task.claimed", standIn ? { substituteFor: standIn, from: task.assigneeId } : {});
  });
}

/** Gives a claimed task back to its groups. */
export async function unclaimTask(db: Db, who: Actor, taskId: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const { task } = await openTask(tx, actor, taskId);
    if (task.assigneeId !== actor.id || task.candidateGroups.length === 0) throw new AppError("task_not_yours");
    await tx.task.update({ where: { id: taskId }, data: { assigneeId: null, claimedAt: null } });
    await record(tx, actor, task, "task.unclaimed", {});
  });
}

const refuse = (code: string) => new AppError("validation", { fieldErrors: { toEmployeeId: code } });

/**
 * Delegate (the assignee hands it on) or reassign (a manager moves someone
 * else's task). Both are audited with who, from whom, to whom and why. Nobody
 * delegates to themselves, nor hands a task to the person who has it already
 * or to a deactivated account.
 */
export async function assignTask(db: Db, who: Actor, input: { taskId: string; toEmployeeId: string; reason?: string; mode: "delegate" | "reassign" }) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const { task, scope } = await openTask(tx, actor, input.taskId);
    const mine = task.assigneeId === actor.id || (!task.assigneeId && ownGroup(actor, task)) || !!standsInFor(scope, task);
    if (input.mode === "delegate" && !mine) throw new AppError("task_not_yours");
    if (input.mode === "reassign" && !hasPermission(actor, "task.reassign")) throw new AppError("forbidden");
    if (task.candidateSupplierId && !task.assigneeId && task.candidateGroups.length === 0) throw new AppError("forbidden");
    if (input.mode === "delegate" && input.toEmployeeId === actor.id) throw refuse("validation.delegate_to_self");
    if (input.toEmployeeId === task.assigneeId) throw refuse("validation.already_assignee");
    const to = await tx.employee.findUnique({ where: { id: input.toEmployeeId }, select: { id: true, active: true } });
    if (!to) throw refuse("validation.unknown_employee");
    if (!to.active) throw refuse("validation.employee_inactive");
    const updated = await tx.task.update({ where: { id: task.id }, data: { assigneeId: to.id, claimedAt: now() } });
    await record(tx, actor, task, input.mode === "delegate" ? "task.delegated" : "task.reassigned", { from: task.assigneeId, to: to.id, reason: input.reason ?? null });
    await notifyTaskCreated(tx, updated);
  });
}

export async function commentOnTask(db: Db, who: Actor, input: { taskId: string; body: string }) {
  const body = input.body.trim();
  if (!body || body.length > 4000) throw new AppError("validation", { fieldErrors: { body: "validation.too_small" } });
  return db.$transaction(async (tx) => {
    const task = await loadTask(tx, input.taskId);
    if (!task || !canSee(who, task, await substituteScope(tx, who, now()))) throw new AppError("not_found");
    if (who.realm === "system") throw new AppError("forbidden");
    const c = await tx.taskComment.create({ data: { instanceId: task.instanceId, taskId: task.id, authorRealm: who.realm, authorId: who.id, body } });
    await writeAudit(tx, who, { action: "task.comment", entity: "Task", entityId: task.id, after: { commentId: c.id } });
    return c;
  });
}
