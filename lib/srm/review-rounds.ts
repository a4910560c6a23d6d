import "server-only";
import { SYSTEM, type Actor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import type { Db, Tx } from "../db/client";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { logger } from "../log/logger";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import { startInstance } from "../workflow/start-instance";

// The supplier reviews (initial review, re-review) run in rounds: each round is a
// start job queued in the transaction that asks for it, then a flow whose record
// is the supplier. One kind of review is a flow key and its start job's kind.
export type ReviewKind = { key: string; job: string };

/** The reviews of one kind that are not over: running, or stopped at an incident an operator can still retry. */
const openReviewsOf = (kind: ReviewKind, supplierId: string) => ({
  recordType: "Supplier",
  recordId: supplierId,
  status: { in: ["running" as const, "incident" as const] },
  definition: { key: kind.key },
});

const startJobsOf = (kind: ReviewKind, supplierId: string) => ({ kind: kind.job, payload: { path: ["supplierId"], equals: supplierId } });

/** Whether a round is under way: its flow not over, or its start job still queued. */
export async function reviewUnderWay(db: Db | Tx, kind: ReviewKind, supplierId: string) {
  const [open, queued] = await Promise.all([
    db.processInstance.count({ where: openReviewsOf(kind, supplierId) }),
    db.job.count({ where: { ...startJobsOf(kind, supplierId), status: { in: ["pending", "running"] } } }),
  ]);
  return open + queued > 0;
}

/**
 * Queues the next round's start job in the caller's transaction and returns its
 * key. Rounds are counted by their start jobs: one that failed for good has no
 * flow but keeps its key.
 */
export async function queueReviewRound(tx: Tx, kind: ReviewKind, supplierId: string, payload: Record<string, unknown>): Promise<string> {
  const round = (await tx.job.count({ where: startJobsOf(kind, supplierId) })) + 1;
  const idempotencyKey = `${kind.job}:${supplierId}:${round}`;
  await tx.job.create({ data: { kind: kind.job, idempotencyKey, payload: { ...payload, supplierId } } });
  return idempotencyKey;
}

/** After the commit: the round starts now; should that fail, the job worker starts it. */
export async function startRoundNow(db: Db, idempotencyKey: string, supplierId: string) {
  await runJobNow(db, idempotencyKey).catch((e) => logger.warn({ err: e, supplierId, idempotencyKey }, "supplier review not started now; the job worker will"));
}

/**
 * The start job's work: the flow with the supplier as its record, started by the
 * employee who asked for the round. Nothing when a round is already open (a
 * re-run after a crash) or the supplier moved on (`ready` says no).
 */
export async function startReviewFlow(
  db: Db,
  job: ClaimedJob,
  kind: ReviewKind,
  build: (supplierId: string) => Promise<{ businessKey: string; variables: Record<string, unknown> } | null>,
) {
  const supplierId = String(job.payload.supplierId);
  if (await db.processInstance.count({ where: openReviewsOf(kind, supplierId) })) return;
  const flow = await build(supplierId);
  if (!flow) return;
  const startedBy = typeof job.payload.startedBy === "string" ? await loadEmployeeActor(job.payload.startedBy, db) : null;
  const actor: Actor = startedBy ?? SYSTEM;
  await startInstance(db, actor, { key: kind.key, businessKey: flow.businessKey, recordType: "Supplier", recordId: supplierId, variables: flow.variables });
}

/** In a review's service task: the supplier the flow is about (its record). */
export async function reviewedSupplierId(db: Db, instanceId: string): Promise<string> {
  const instance = await db.processInstance.findUnique({ where: { id: instanceId }, select: { recordType: true, recordId: true } });
  if (instance?.recordType !== "Supplier" || !instance.recordId) throw new Error(`instance ${instanceId} is not about a supplier`);
  return instance.recordId;
}
