import "server-only";
import type { Actor } from "../../../auth/actor";
import { requirePermission } from "../../../auth/permissions";
import { writeAudit } from "../../../audit/write-audit";
import type { Db } from "../../../db/client";
import { AppError } from "../../../errors/app-error";
import { parseInput } from "../../../errors/parse-input";
import { cancelInstanceIn } from "../../../workflow/cancel-instance";
import { now } from "../../../workflow/clock";
import { TX_OPTIONS } from "../../../workflow/load-definition";
import { cancelReasonSchema, type CancelReasonInput } from "../../cancel-reason.schema";
import { mayEditOpportunity, visibleOpportunity } from "../opportunity-scope";

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * A running review is withdrawn with a reason by whoever started it or may change the
 * opportunity (its owner, their sales lead, an administrator): its flow is cancelled, so
 * the reviewers' open tasks leave their inboxes, and the review ends cancelled with the
 * reason, in one transaction. A finished review refuses; the stage may be reviewed again.
 */
export async function cancelOpportunityReview(db: Db, who: Actor | null, opportunityId: string, reviewId: string, raw: CancelReasonInput) {
  const actor = requirePermission(who, "crm.view");
  const { reason } = parseInput(cancelReasonSchema, raw);
  const o = await visibleOpportunity(db, actor, opportunityId, { id: true, code: true, ownerId: true, teamId: true });
  const review = UUID.test(reviewId) ? await db.opportunityReview.findFirst({ where: { id: reviewId, opportunityId: o.id } }) : null;
  if (!review) throw new AppError("not_found");
  if (review.startedById !== actor.id && !(await mayEditOpportunity(db, actor, o))) throw new AppError("opportunity_not_yours");
  if (review.status !== "running") throw new AppError("opportunity_review_finished");
  const decidedAt = now();
  return db.$transaction(async (tx) => {
    const changed = await tx.opportunityReview.updateMany({ where: { id: review.id, status: "running" }, data: { status: "cancelled", outcomeNote: reason, decidedAt } });
    if (!changed.count) throw new AppError("opportunity_review_finished");
    // An operator may already have cancelled the flow (/processes/instances); one that completed decided the review.
    const flow = review.instanceId ? await tx.processInstance.findUnique({ where: { id: review.instanceId }, select: { status: true } }) : null;
    if (flow?.status === "completed") throw new AppError("opportunity_review_finished");
    const stopped = flow && (flow.status === "running" || flow.status === "incident") ? await cancelInstanceIn(tx, actor, { id: review.instanceId!, reason }) : null;
    await writeAudit(tx, actor, { action: "opportunity_review.cancel", entity: "OpportunityReview", entityId: review.id, before: { status: "running" }, after: { opportunity: o.code, stage: review.stage, reason, instanceId: review.instanceId, tasksCancelled: stopped?.tasksCancelled ?? 0 } });
    return { decidedAt };
  }, TX_OPTIONS);
}
