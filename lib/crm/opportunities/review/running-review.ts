import "server-only";
import { SYSTEM } from "../../../auth/actor";
import { writeAudit } from "../../../audit/write-audit";
import type { Tx } from "../../../db/client";
import type { OpportunityStage } from "../../../db/generated/client";

/**
 * Whether a review of the opportunity at the stage is under way. A review whose flow an
 * operator cancelled (/processes/instances) is closed here as cancelled, audited, so that
 * it does not block a new one.
 */
export async function reviewRunning(tx: Tx, opportunityId: string, stage: OpportunityStage): Promise<boolean> {
  const running = await tx.opportunityReview.findMany({ where: { opportunityId, stage, status: "running" }, select: { id: true, instanceId: true } });
  if (!running.length) return false;
  const cancelled = new Set((await tx.processInstance.findMany({ where: { id: { in: running.map((r) => r.instanceId ?? "") }, status: "cancelled" }, select: { id: true } })).map((i) => i.id));
  for (const r of running.filter((r) => r.instanceId && cancelled.has(r.instanceId))) {
    await tx.opportunityReview.update({ where: { id: r.id }, data: { status: "cancelled", decidedAt: new Date() } });
    await writeAudit(tx, SYSTEM, { action: "opportunity_review.cancelled", entity: "OpportunityReview", entityId: r.id, after: { instanceId: r.instanceId } });
  }
  return running.some((r) => !r.instanceId || !cancelled.has(r.instanceId));
}
