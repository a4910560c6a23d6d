import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { applyOutcome } from "./apply-outcome";
import { now } from "./clock";
import { runStep } from "./engine-host";
import { MoveRefused } from "./engine-api";
import { instanceContext, TX_OPTIONS } from "./load-definition";
import { stepOrIncident } from "./record-incident";

export type MoveInput = { instanceId: string; taskId: string; targetId: string; reason: string; version: number };
type MoveRefusal = "not_running" | "not_in_definition" | "not_user_task" | "other_scope" | "same_task" | "target_active";

type ContextActivity = { id: string; type: string; name?: string; parent?: { id?: string; type?: string } };
type ContextApi = { getActivities: () => ContextActivity[]; getActivityById: (id: string) => ContextActivity | undefined };

/** A refused move: the reason, translated, on the target field of the operator's dialog. */
function refuse(reason: MoveRefusal): never {
  throw new AppError("validation", { fieldErrors: { targetId: `processes.move.refused.${reason}` }, params: { reason } });
}

export type MoveTarget = { id: string; name: string; scope: string };

/** Every user task of a definition with the scope (process or sub-process id) it sits in. */
export function userTasksOf(context: unknown): MoveTarget[] {
  return (context as ContextApi)
    .getActivities()
    .filter((a) => a.type === "bpmn:UserTask")
    .map((a) => ({ id: a.id, name: a.name || a.id, scope: a.parent?.id ?? "" }));
}

/**
 * An operator moves the token of a waiting user task to another user task of
 * the same definition and scope, with a reason: the old task is closed as
 * cancelled with outcome "moved", the engine starts the target in the same
 * scope and drops the waiting activity (nothing between them runs), and the
 * new task is created the usual way. One transaction with the optimistic lock
 * (the version the operator saw), history and an audit row.
 */
export async function moveToken(db: Db, who: EmployeeActor, input: MoveInput) {
  const actor = requirePermission(who, "process.operate");
  const at = now();
  return stepOrIncident(db, (track) => db.$transaction(async (tx) => {
    const inst = await tx.processInstance.findUnique({
      where: { id: input.instanceId },
      select: { id: true, status: true, version: true, definitionId: true, state: true, businessKey: true, supplierId: true },
    });
    if (!inst) throw new AppError("not_found");
    if (inst.status !== "running") refuse("not_running");
    if (inst.version !== input.version) throw new AppError("conflict");
    const task = await tx.task.findFirst({ where: { id: input.taskId, instanceId: inst.id }, select: { id: true, executionId: true, elementId: true, status: true, name: true } });
    if (!task) throw new AppError("not_found");
    if (task.status !== "open") throw new AppError("task_closed");

    const context = await instanceContext(tx, inst.definitionId);
    const api = context as ContextApi;
    const target = api.getActivityById(input.targetId);
    const source = api.getActivityById(task.elementId);
    if (!target) refuse("not_in_definition");
    if (target.type !== "bpmn:UserTask") refuse("not_user_task");
    if (target.id === task.elementId) refuse("same_task");
    if ((target.parent?.id ?? "") !== (source?.parent?.id ?? "")) refuse("other_scope");
    if (await tx.task.count({ where: { instanceId: inst.id, elementId: target.id, status: "open" } })) refuse("target_active");

    // Claim the old task first: a concurrent completion either finished it already or finds it closed.
    const closed = await tx.task.updateMany({ where: { id: task.id, status: "open" }, data: { status: "cancelled", outcome: "moved", completedById: actor.id, completedAt: at } });
    if (closed.count !== 1) throw new AppError("conflict");

    track(inst.id);
    let outcome;
    try {
      outcome = await runStep(context, inst.state, { kind: "move", executionId: task.executionId, targetId: target.id });
    } catch (e) {
      if (e instanceof MoveRefused) refuse(e.reason);
      throw e;
    }
    if (!outcome) throw new AppError("conflict");
    const moved = { at, type: "token.moved", elementId: task.elementId, taskId: task.id, actorId: actor.id, data: { fromElementId: task.elementId, toElementId: target.id, toName: target.name ?? target.id, reason: input.reason } };
    const { status } = await applyOutcome(tx, inst, outcome, new Date(at.getTime() + 1), actor.id, [moved]);
    const created = await tx.task.findFirst({ where: { instanceId: inst.id, elementId: target.id, status: "open" }, select: { id: true } });
    await writeAudit(tx, actor, {
      action: "process.instance.move",
      entity: "ProcessInstance",
      entityId: inst.id,
      before: { elementId: task.elementId, taskId: task.id, version: inst.version },
      after: { elementId: target.id, taskId: created?.id ?? null, reason: input.reason, instanceStatus: status },
    });
    return { instanceId: inst.id, taskId: created?.id ?? null, status };
  }, TX_OPTIONS));
}
