import "server-only";
import type { EmployeeActor, SystemActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "./clock";
import { TX_OPTIONS } from "./load-definition";

/**
 * An operator cancels a running (or failed) instance with a reason: its open
 * tasks are cancelled, its pending timers and service jobs dropped, its
 * message subscriptions removed, all in one transaction with the optimistic
 * lock, history and an audit row. The engine state is kept as it was, for the record.
 */
export async function cancelInstance(db: Db, who: EmployeeActor, input: { id: string; reason: string }) {
  const actor = requirePermission(who, "process.operate");
  return db.$transaction((tx) => cancelInstanceIn(tx, actor, input), TX_OPTIONS);
}

/**
 * The same inside the caller's transaction, for the system's own withdrawals (a
 * delivery plan or order changed in the ERP before anyone acted on it).
 */
export async function cancelInstanceIn(tx: Tx, actor: EmployeeActor | SystemActor, input: { id: string; reason: string }) {
  const at = now();
  const inst = await tx.processInstance.findUnique({ where: { id: input.id }, select: { id: true, status: true, version: true } });
  if (!inst) throw new AppError("not_found");
  if (inst.status !== "running" && inst.status !== "incident") throw new AppError("conflict");
  const updated = await tx.processInstance.updateMany({ where: { id: inst.id, version: inst.version }, data: { status: "cancelled", endedAt: at, version: { increment: 1 } } });
  if (updated.count !== 1) throw new AppError("conflict");
  const open = await tx.task.findMany({ where: { instanceId: inst.id, status: "open" }, select: { id: true } });
  await tx.task.updateMany({ where: { instanceId: inst.id, status: "open" }, data: { status: "cancelled", completedAt: at } });
  const jobs = await tx.job.deleteMany({ where: { instanceId: inst.id, status: { in: ["pending", "failed"] } } });
  await tx.eventSubscription.deleteMany({ where: { instanceId: inst.id } });
  await tx.instanceEvent.createMany({
    data: [
      ...open.map((t, i) => ({ instanceId: inst.id, at: new Date(at.getTime() + i), type: "task.cancelled", taskId: t.id, actorId: actor.id })),
      { instanceId: inst.id, at: new Date(at.getTime() + open.length), type: "instance.cancelled", actorId: actor.id, data: { reason: input.reason } },
    ],
  });
  await writeAudit(tx, actor, { action: "process.instance.cancel", entity: "ProcessInstance", entityId: inst.id, before: { status: inst.status }, after: { status: "cancelled", reason: input.reason, tasksCancelled: open.length, jobsDropped: jobs.count } });
  return { id: inst.id, tasksCancelled: open.length };
}
