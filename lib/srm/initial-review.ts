import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import type { ServiceContext } from "../workflow/service-handler";
import { queueReviewRound, reviewedSupplierId, startReviewFlow, type ReviewKind } from "./review-rounds";

/** The initial review (processes/supplier-initial-review.bpmn), SRM-2. */
export const INITIAL_REVIEW: ReviewKind = { key: "supplier_initial_review", job: "srm.startInitialReview" };

/**
 * Queues the start of a supplier's initial review, in the transaction that
 * registers it (or sends it to review again); returns the job's key for
 * startRoundNow after the commit.
 */
export function queueInitialReview(tx: Tx, supplierId: string, startedBy: string | null): Promise<string> {
  return queueReviewRound(tx, INITIAL_REVIEW, supplierId, { startedBy });
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
 */
export function runStartInitialReview(db: Db, job: ClaimedJob) {
  return startReviewFlow(db, job, INITIAL_REVIEW, async (supplierId) => {
    const s = await db.supplier.findUnique({ where: { id: supplierId } });
    if (!s || s.status !== "registered") return null;
    return {
      businessKey: s.code,
      // Only what is filled in; the supplier itself is the instance's record.
      variables: Object.fromEntries(
        Object.entries({
          supplierCode: s.code,
          supplierName: s.name,
          taxCode: await codeName(db, "tax", s.taxCode),
          paymentTerm: await codeName(db, "paymentTerm", s.paymentTermCode),
          contactName: s.contactName ?? "",
          contactPhone: s.contactPhone ?? "",
          address: s.address ?? "",
          earlierReviews: await earlierReviews(db, s.id),
          // The administrator's custom fields by key, for gateways such as ${custom.annualCapacity > 1000}.
          custom: s.custom,
        }).filter(([, v]) => v !== ""),
      ),
    };
  });
}

/**
 * Service task srm.markPotential: an approved initial review makes the supplier
 * a potential supplier (潜在供应商). Idempotent: only a registered supplier changes.
 */
export async function markPotentialStep(ctx: ServiceContext) {
  const supplierId = await reviewedSupplierId(ctx.db, ctx.instanceId);
  await ctx.db.$transaction(async (tx) => {
    const changed = await tx.supplier.updateMany({ where: { id: supplierId, status: "registered" }, data: { status: "potential" } });
    if (!changed.count) return;
    await writeAudit(tx, SYSTEM, { action: "supplier.potential", entity: "Supplier", entityId: supplierId, before: { status: "registered" }, after: { status: "potential", instanceId: ctx.instanceId } });
  });
  return { supplierStatus: "potential" };
}
