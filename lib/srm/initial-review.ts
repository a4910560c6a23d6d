import "server-only";
import { SYSTEM, type Actor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import type { ServiceContext } from "../workflow/service-registry";
import { startInstance } from "../workflow/start-instance";

/** The initial review's flow (processes/supplier-initial-review.bpmn), SRM-2. */
export const INITIAL_REVIEW_KEY = "supplier_initial_review";
export const START_INITIAL_REVIEW_JOB = "srm.startInitialReview";
const startKey = (supplierId: string, round: number) => `${START_INITIAL_REVIEW_JOB}:${supplierId}:${round}`;

/** A supplier's initial reviews that are still running (at most one). */
export const runningReviewOf = (supplierId: string) => reviewOf(INITIAL_REVIEW_KEY, supplierId);

/** A supplier's reviews of one kind that are not over: running, or stopped at an incident an operator can still retry. */
export const reviewOf = (key: string, supplierId: string) => ({ recordType: "Supplier", recordId: supplierId, status: { in: ["running" as const, "incident" as const] }, definition: { key } });

/** The start jobs of one kind queued for a supplier (each review round has one). */
export const startJobsOf = (kind: string, supplierId: string) => ({ kind, payload: { path: ["supplierId"], equals: supplierId } });

/**
 * Queues the start of a supplier's initial review, in the transaction that
 * registers it; returns the job's key for runJobNow after the commit. A
 * supplier sent to review again gets its next round.
 */
export async function queueInitialReview(tx: Tx, supplierId: string, startedBy: string | null): Promise<string> {
  // Rounds are counted by their start jobs: a job that failed for good has no process but keeps its key.
  const round = (await tx.job.count({ where: startJobsOf(START_INITIAL_REVIEW_JOB, supplierId) })) + 1;
  const idempotencyKey = startKey(supplierId, round);
  await tx.job.create({ data: { kind: START_INITIAL_REVIEW_JOB, idempotencyKey, payload: { supplierId, startedBy } } });
  return idempotencyKey;
}

/** The calendar day in the company's time zone (the app shows Asia/Shanghai everywhere), as 2026-11-28. */
const companyDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at);

const codeName = async (db: Db, kind: "tax" | "paymentTerm", code: string | null) => {
  if (!code) return "";
  const m = await db.masterData.findUnique({ where: { kind_code: { kind, code } }, select: { name: true } });
  return m ? `${code} ${m.name}` : code;
};

/**
 * Earlier information about the same supplier for the reviewer: what the
 * earlier review rounds decided, with their comments.
 */
async function earlierReviews(db: Db, supplierId: string) {
  const done = await db.task.findMany({
    where: { elementId: "initial_review", status: "completed", instance: { recordType: "Supplier", recordId: supplierId } },
    orderBy: { completedAt: "asc" },
    select: { completedAt: true, outcome: true, instance: { select: { variables: true } } },
  });
  return done
    .map((t) => {
      const v = t.instance.variables as Record<string, unknown>;
      const comment = typeof v.comment === "string" && v.comment.trim() ? `: ${v.comment.trim()}` : "";
      const outcome = t.outcome === "reject" ? "未通过 / rejected" : "通过 / approved";
      return `${t.completedAt ? companyDay(t.completedAt) : ""} ${outcome}${comment}`;
    })
    .join("\n");
}

/**
 * Job srm.startInitialReview: starts the review with the registration's data as
 * the record the reviewer sees (the task page shows it; nothing is typed twice).
 * A re-run after a crash finds the running review and does nothing.
 */
export async function runStartInitialReview(db: Db, job: ClaimedJob) {
  const supplierId = String(job.payload.supplierId);
  const s = await db.supplier.findUnique({ where: { id: supplierId } });
  if (!s || s.status !== "registered") return;
  const running = await db.processInstance.findFirst({ where: runningReviewOf(s.id), select: { id: true } });
  if (running) return;
  const startedBy = typeof job.payload.startedBy === "string" ? await loadEmployeeActor(job.payload.startedBy, db) : null;
  const actor: Actor = startedBy ?? SYSTEM;
  await startInstance(db, actor, {
    key: INITIAL_REVIEW_KEY,
    businessKey: s.code,
    recordType: "Supplier",
    recordId: s.id,
    // Only what is filled in; the supplier itself is the instance's record.
    variables: Object.fromEntries(Object.entries({
      supplierCode: s.code,
      supplierName: s.name,
      taxCode: await codeName(db, "tax", s.taxCode),
      paymentTerm: await codeName(db, "paymentTerm", s.paymentTermCode),
      contactName: s.contactName ?? "",
      contactPhone: s.contactPhone ?? "",
      address: s.address ?? "",
      earlierReviews: await earlierReviews(db, s.id),
    }).filter(([, v]) => v !== "")),
  });
}

/**
 * Service task srm.markPotential: an approved initial review makes the supplier
 * a potential supplier (潜在供应商). Idempotent: only a registered supplier changes.
 */
export async function markPotentialStep(ctx: ServiceContext) {
  const instance = await ctx.db.processInstance.findUnique({ where: { id: ctx.instanceId }, select: { recordType: true, recordId: true } });
  if (instance?.recordType !== "Supplier" || !instance.recordId) throw new Error(`instance ${ctx.instanceId} is not about a supplier`);
  const supplierId = instance.recordId;
  await ctx.db.$transaction(async (tx) => {
    const changed = await tx.supplier.updateMany({ where: { id: supplierId, status: "registered" }, data: { status: "potential" } });
    if (!changed.count) return;
    await writeAudit(tx, SYSTEM, { action: "supplier.potential", entity: "Supplier", entityId: supplierId, before: { status: "registered" }, after: { status: "potential", instanceId: ctx.instanceId } });
  });
  return { supplierStatus: "potential" };
}
