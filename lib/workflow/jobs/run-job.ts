import "server-only";
import type { Db, Tx } from "../../db/client";
import { isAppError } from "../../errors/app-error";
import { logger } from "../../log/logger";
import { applyOutcome } from "../apply-outcome";
import { now } from "../clock";
import { runStep, StepLimitExceeded } from "../engine-host";
import { type StepAction } from "../engine-api";
import { instanceContext, TX_OPTIONS } from "../load-definition";
import { recordStepLimit } from "../record-incident";
import { serviceHandler } from "../registry";
import type { ClaimedJob } from "./claim-jobs";
import { jobKind } from "../registry";

/** Seconds to wait before attempt n+1: 2, 4, 8, ... capped at 10 minutes. */
function backoffMs(attempt: number) {
  return Math.min(600_000, 1000 * 2 ** attempt);
}

// lockedBy stays on a done job: it names the worker that ran it.
async function finish(tx: Tx, job: ClaimedJob) {
  await tx.job.update({ where: { id: job.id }, data: { status: "done", doneAt: now(), lockedUntil: null } });
}

/** One engine step for a job, committed together with the job's completion. */
async function stepInstance(db: Db, job: ClaimedJob, action: StepAction, historyType: string) {
  await db.$transaction(async (tx) => {
    const instance = job.instanceId ? await tx.processInstance.findUnique({ where: { id: job.instanceId } }) : null;
    if (!instance || instance.status !== "running") return finish(tx, job);
    let outcome;
    try {
      outcome = await runStep(await instanceContext(tx, instance.definitionId), instance.state, action);
    } catch (e) {
      if (!(e instanceof StepLimitExceeded)) throw e;
      // Stopped by its limits: an incident, the instance as it was, the job done (a retry would do the same).
      await recordStepLimit(tx, instance.id, e, String(job.payload.elementId ?? "") || undefined);
      return finish(tx, job);
    }
    const at = now();
    if (outcome) {
      const event = { at, type: historyType, elementId: String(job.payload.elementId ?? ""), data: { jobId: job.id } };
      await applyOutcome(tx, instance, outcome, new Date(at.getTime() + 1), null, [event]);
    }
    await finish(tx, job);
  }, TX_OPTIONS);
}

async function runService(db: Db, job: ClaimedJob) {
  const name = String(job.payload.handler ?? "");
  const handler = serviceHandler(name);
  if (!handler) throw new Error(`no service handler registered as "${name}"`);
  const instance = await db.processInstance.findUnique({ where: { id: job.instanceId ?? "" } });
  if (!instance || instance.status === "completed" || instance.status === "cancelled") {
    await db.$transaction((tx) => finish(tx, job));
    return;
  }
  // The side effect runs outside any transaction; its idempotency key makes a re-run after a crash harmless.
  const result = await handler.run({
    db,
    instanceId: instance.id,
    businessKey: instance.businessKey,
    elementId: String(job.payload.elementId),
    variables: instance.variables as Record<string, unknown>,
    idempotencyKey: job.idempotencyKey ?? job.id,
    attempt: job.attempts,
  });
  const vars = result ?? {};
  await stepInstance(db, job, { kind: "signal", executionId: String(job.payload.executionId), output: vars, variables: vars }, "service.completed");
}

/** A kind registered by another module; a returned time makes it run again then (recurring jobs). */
async function runRegistered(db: Db, job: ClaimedJob) {
  const kind = jobKind(job.kind);
  if (!kind) throw new Error(`unknown job kind ${job.kind}`);
  const result = await kind.run(db, job);
  const next = result?.rescheduleAt;
  await db.job.updateMany({
    where: { id: job.id, status: "running", lockedBy: job.lockedBy },
    data: next
      ? { status: "pending", runAt: next, attempts: 0, lastError: null, lockedBy: null, lockedUntil: null }
      : { status: "done", doneAt: now(), lockedUntil: null },
  });
}

async function fail(db: Db, job: ClaimedJob, e: unknown) {
  const message = e instanceof Error ? e.message : String(e);
  const final = job.attempts >= job.maxAttempts;
  await db.$transaction(async (tx) => {
    await tx.job.update({
      where: { id: job.id },
      data: final
        ? { status: "failed", lastError: message.slice(0, 2000), lockedBy: null, lockedUntil: null }
        : { status: "pending", lastError: message.slice(0, 2000), runAt: new Date(now().getTime() + backoffMs(job.attempts)), lockedBy: null, lockedUntil: null },
    });
    if (!job.instanceId) return;
    await tx.instanceEvent.create({ data: { instanceId: job.instanceId, at: now(), type: final ? "job.failed" : "job.retry", elementId: String(job.payload.elementId ?? ""), data: { jobId: job.id, attempt: job.attempts, error: message.slice(0, 500) } } });
    // Only a live instance becomes an incident: one cancelled or completed meanwhile (while the job ran) stays as it is.
    if (final) await tx.processInstance.updateMany({ where: { id: job.instanceId, status: { in: ["running", "incident"] } }, data: { status: "incident", incidentCode: "job_failed", incident: message.slice(0, 2000) } });
  });
}

/** Runs one claimed job; failures are retried with backoff and end as an incident. */
export async function runJob(db: Db, job: ClaimedJob) {
  try {
    if (job.kind === "timer") await stepInstance(db, job, { kind: "fireTimer", elementId: String(job.payload.elementId), executionId: String(job.payload.executionId) }, "timer.fired");
    else if (job.kind === "service") await runService(db, job);
    else await runRegistered(db, job);
  } catch (e) {
    if (isAppError(e) && e.code === "conflict") {
      // Someone stepped the instance meanwhile: try again at once, not counted as a failure.
      // Only while this worker still holds the job: after a lost lease another worker may have finished it.
      await db.job.updateMany({ where: { id: job.id, status: "running", lockedBy: job.lockedBy }, data: { status: "pending", attempts: { decrement: 1 }, lockedBy: null, lockedUntil: null } });
      return;
    }
    logger.warn({ err: e, jobId: job.id, kind: job.kind }, "job failed");
    await fail(db, job, e);
  }
}

