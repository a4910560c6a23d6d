import "server-only";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { StepOutcome } from "./engine-api";
import { notifyTaskCreated } from "./notify";
import { insertEvents, insertTask, saveInstance, type AuditRow, type InsertedTask } from "./step-sql";
import { ExpressionError } from "./expressions";
import { resolveTaskAttributes } from "./task-attributes";

export type InstanceRow = { id: string; version: number; businessKey: string | null; supplierId: string | null };

/** A history row the caller records with this step (task.completed, timer.fired, ...), at its own time. */
export type LeadEvent = { at: Date; type: string; elementId?: string; taskId?: string; actorId?: string | null; data?: object };

const MAX_KEYS = 50;
const MAX_VALUE_CHARS = 300;
/** Structured values (a proposal's lines, a diff) are kept whole up to this size, so history can show them in words. */
const MAX_OBJECT_CHARS = 2000;

/** A value as history keeps it: long strings and large objects are cut to a preview. */
function trimValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "string") return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
  if (v === null || typeof v !== "object") return v;
  const json = JSON.stringify(v);
  return json.length > MAX_OBJECT_CHARS ? `${json.slice(0, MAX_VALUE_CHARS)}…` : v;
}

export type VariableChanges = { keys: string[]; changes: Record<string, { before: unknown; after: unknown }>; more?: number };

/** Keys added, removed or changed by a step with their before/after values (trimmed); null when nothing changed. */
function variableChanges(before: Record<string, unknown>, after: Record<string, unknown>): VariableChanges | null {
  const keys: string[] = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[k];
    const b = after[k];
    if (a === b) continue;
    if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b)) continue;
    keys.push(k);
  }
  if (!keys.length) return null;
  keys.sort();
  const shown = keys.slice(0, MAX_KEYS);
  const changes = Object.fromEntries(shown.map((k) => [k, { before: k in before ? trimValue(before[k]) : null, after: k in after ? trimValue(after[k]) : null }]));
  return { keys: shown, changes, ...(keys.length > shown.length ? { more: keys.length - shown.length } : {}) };
}

/**
 * Persists one engine step: the instance with `WHERE version = n` (a lost race
 * is a conflict, never a double step), then tasks, message subscriptions, timer
 * and service jobs, and history, all in the caller's transaction. Round trips
 * are kept few (see step-sql.ts): the instance write also prunes stale
 * subscriptions and timer jobs and reads the open tasks, all history rows (the
 * caller's lead events included) go in one insert, and a new instance
 * (version 0) has nothing to prune.
 */
export async function applyOutcome(tx: Tx, instance: InstanceRow, outcome: StepOutcome, at: Date, actorId: string | null, lead: LeadEvent[] = [], audit?: (status: string) => AuditRow) {
  const status = outcome.status === "error" ? "incident" : outcome.status;
  const msgWaits = outcome.waits.filter((w) => w.kind === "message");
  // Timer jobs mirror the armed timers; an instance that stopped running keeps none.
  const timerKeys = status === "running" ? outcome.timers.map((t) => `timer:${t.executionId}:${t.expireAt.getTime()}`) : null;
  const saved = await saveInstance(
    tx,
    instance,
    { state: outcome.state, variables: outcome.variables, status, endedAt: status === "completed" ? at : null, incident: outcome.error ?? null, incidentCode: status === "incident" ? (outcome.errorCode ?? "engine_error") : null },
    instance.version === 0 ? null : { messagesKeep: msgWaits.map((w) => w.executionId), timersKeep: timerKeys },
  );
  if (!saved.updated) throw new AppError("conflict");

  const history: { type: string; elementId?: string; taskId?: string; data?: object }[] = [];
  const changed = variableChanges(outcome.variablesBefore, outcome.variables);
  if (changed) history.push({ type: "variables.changed", data: changed });
  for (const e of outcome.events) history.push({ type: `element.${e.type}`, elementId: e.elementId, data: { elementType: e.elementType } });
  if (outcome.error) history.push({ type: "instance.incident", data: { code: outcome.errorCode ?? "engine_error", error: outcome.error } });
  if (status === "completed") history.push({ type: "instance.completed" });

  // Tasks: one row per waiting user task; waits that vanished (boundary timer, end) are cancelled.
  const userWaits = outcome.waits.filter((w) => w.kind === "userTask");
  const openIds = new Set(saved.open.map((t) => t.executionId));
  const waitIds = new Set(userWaits.map((w) => w.executionId));
  const gone = saved.open.filter((t) => !waitIds.has(t.executionId));
  if (gone.length) {
    await tx.task.updateMany({ where: { id: { in: gone.map((t) => t.id) } }, data: { status: "cancelled", completedAt: at } });
    for (const t of gone) history.push({ type: "task.cancelled", taskId: t.id });
  }
  let stopped: { code: string; detail: string; elementId: string } | null = null;
  for (const w of userWaits.filter((w) => !openIds.has(w.executionId))) {
    let attrs: Awaited<ReturnType<typeof resolveTaskAttributes>>;
    try {
      attrs = await resolveTaskAttributes(tx, w, outcome.variables, at);
    } catch (e) {
      const code = e instanceof ExpressionError ? e.code : "expression_failed";
      stopped ??= { code, detail: `${w.elementId}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 2000), elementId: w.elementId };
      continue;
    }
    // A task nobody could ever work on is not created: the instance stops as an incident instead.
    if (!attrs.assigneeId && !attrs.candidateGroups.length && !attrs.candidateSupplierId) {
      stopped ??= { code: "task_unassignable", detail: `${w.elementId}: the assignee, candidate groups and candidate supplier resolve to nobody`, elementId: w.elementId };
      continue;
    }
    const { title, ...rest } = attrs;
    const task: InsertedTask =
      (await insertTask(tx, { instanceId: instance.id, executionId: w.executionId, elementId: w.elementId, name: title, ...rest, createdAt: at })) ??
      (await tx.task.findUniqueOrThrow({ where: { executionId: w.executionId } }));
    history.push({ type: "task.created", elementId: w.elementId, taskId: task.id, data: { assigneeId: attrs.assigneeId, candidateGroups: attrs.candidateGroups, candidateSupplierId: attrs.candidateSupplierId, substituteFor: attrs.substituteFor } });
    await notifyTaskCreated(tx, task);
  }

  // Message subscriptions follow the message waits (stale ones went with the instance write).
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

  if (timerKeys?.length) {
    await tx.job.createMany({
      data: outcome.timers.map((t, i) => ({ kind: "timer", instanceId: instance.id, idempotencyKey: timerKeys[i], runAt: t.expireAt, payload: { elementId: t.elementId, executionId: t.executionId } })),
      skipDuplicates: true,
    });
  }

  let finalStatus: string = status;
  if (stopped && status === "running") {
    await tx.processInstance.update({ where: { id: instance.id }, data: { status: "incident", incidentCode: stopped.code, incident: stopped.detail } });
    history.push({ type: "instance.incident", elementId: stopped.elementId, data: { code: stopped.code, error: stopped.detail } });
    finalStatus = "incident";
  }

  // The caller's audit row (it may name the new status) goes in with the history.
  await insertEvents(
    tx,
    [...lead.map((e) => ({ instanceId: instance.id, ...e })), ...history.map((h, i) => ({ instanceId: instance.id, at: new Date(at.getTime() + i), actorId, ...h }))],
    audit?.(finalStatus),
  );
  return { status: finalStatus };
}
