import "server-only";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { StepOutcome } from "./engine-host";
import { notifyTaskCreated } from "./notify";
import { resolveTaskAttributes } from "./task-attributes";

export type InstanceRow = { id: string; version: number; businessKey: string | null; supplierId: string | null };

/**
 * Persists one engine step: the instance with `WHERE version = n` (a lost race
 * is a conflict, never a double step), then tasks, message subscriptions, timer
 * and service jobs, and history, all in the caller's transaction.
 */
export async function applyOutcome(tx: Tx, instance: InstanceRow, outcome: StepOutcome, at: Date, actorId: string | null) {
  const status = outcome.status === "error" ? "incident" : outcome.status;
  const updated = await tx.processInstance.updateMany({
    where: { id: instance.id, version: instance.version },
    data: {
      state: outcome.state as object,
      variables: outcome.variables as object,
      status,
      version: { increment: 1 },
      endedAt: status === "completed" ? at : null,
      incident: outcome.error ?? null,
    },
  });
  if (updated.count !== 1) throw new AppError("conflict");

  const history: { type: string; elementId?: string; taskId?: string; data?: object }[] = outcome.events.map((e) => ({ type: `element.${e.type}`, elementId: e.elementId, data: { elementType: e.elementType } }));
  if (outcome.error) history.push({ type: "instance.incident", data: { error: outcome.error } });
  if (status === "completed") history.push({ type: "instance.completed" });

  // Tasks: one row per waiting user task; waits that vanished (boundary timer, end) are cancelled.
  const userWaits = outcome.waits.filter((w) => w.kind === "userTask");
  const open = await tx.task.findMany({ where: { instanceId: instance.id, status: "open" }, select: { id: true, executionId: true } });
  const openIds = new Set(open.map((t) => t.executionId));
  const waitIds = new Set(userWaits.map((w) => w.executionId));
  const gone = open.filter((t) => !waitIds.has(t.executionId));
  if (gone.length) {
    await tx.task.updateMany({ where: { id: { in: gone.map((t) => t.id) } }, data: { status: "cancelled", completedAt: at } });
    for (const t of gone) history.push({ type: "task.cancelled", taskId: t.id });
  }
  for (const w of userWaits.filter((w) => !openIds.has(w.executionId))) {
    const attrs = await resolveTaskAttributes(tx, w, outcome.variables, at);
    const { title, ...rest } = attrs;
    const task = await tx.task.upsert({
      where: { executionId: w.executionId },
      create: { instanceId: instance.id, executionId: w.executionId, elementId: w.elementId, name: title, ...rest, createdAt: at },
      update: {},
    });
    history.push({ type: "task.created", elementId: w.elementId, taskId: task.id, data: { assigneeId: attrs.assigneeId, candidateGroups: attrs.candidateGroups, candidateSupplierId: attrs.candidateSupplierId, substituteFor: attrs.substituteFor } });
    await notifyTaskCreated(tx, task);
  }

  // Message subscriptions follow the message waits.
  const msgWaits = outcome.waits.filter((w) => w.kind === "message");
  await tx.eventSubscription.deleteMany({ where: { instanceId: instance.id, executionId: { notIn: msgWaits.map((w) => w.executionId) } } });
  for (const w of msgWaits) {
    await tx.eventSubscription.upsert({
      where: { executionId: w.executionId },
      create: { instanceId: instance.id, executionId: w.executionId, elementId: w.elementId, messageName: w.messageName!, businessKey: instance.businessKey },
      update: {},
    });
  }

  // Service tasks run as jobs after commit; one job per task execution.
  for (const w of outcome.waits.filter((w) => w.kind === "serviceTask")) {
    await tx.job.createMany({
      data: [{ kind: "service", instanceId: instance.id, idempotencyKey: `service:${w.executionId}`, payload: { executionId: w.executionId, elementId: w.elementId, handler: String(w.attrs.handler ?? "") }, runAt: at }],
      skipDuplicates: true,
    });
  }

  // Timer jobs mirror the armed timers.
  const timerKeys = outcome.timers.map((t) => `timer:${t.executionId}:${t.expireAt.getTime()}`);
  await tx.job.deleteMany({ where: { instanceId: instance.id, kind: "timer", status: "pending", idempotencyKey: { notIn: timerKeys } } });
  if (outcome.timers.length) {
    await tx.job.createMany({
      data: outcome.timers.map((t, i) => ({ kind: "timer", instanceId: instance.id, idempotencyKey: timerKeys[i], runAt: t.expireAt, payload: { elementId: t.elementId, executionId: t.executionId } })),
      skipDuplicates: true,
    });
  }
  if (status !== "running") await tx.job.deleteMany({ where: { instanceId: instance.id, kind: "timer", status: "pending" } });

  if (history.length) {
    await tx.instanceEvent.createMany({ data: history.map((h, i) => ({ instanceId: instance.id, at: new Date(at.getTime() + i), actorId, ...h })) });
  }
  return { status };
}
