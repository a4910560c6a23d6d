import "server-only";
import type { Actor } from "../../../auth/actor";
import { hasPermission, requireEmployee } from "../../../auth/permissions";
import type { Db } from "../../../db/client";
import { marginFloor } from "./margin-floor";
import type { ReviewSnapshot } from "./review-data";
import { mayEditOpportunity, visibleOpportunity } from "../opportunity-scope";

/** The opportunity page's review panel: its reviews, newest first, whether one may start or be cancelled now, the ERP quotation. */
export async function listOpportunityReviews(db: Db, who: Actor | null, opportunityId: string) {
  const actor = requireEmployee(who);
  const o = await visibleOpportunity(db, actor, opportunityId, { id: true, stage: true, ownerId: true, teamId: true, erpSaleNumber: true, erpQuotedAt: true });
  const [rows, config, floor] = await Promise.all([
    db.opportunityReview.findMany({ where: { opportunityId: o.id }, orderBy: { startedAt: "desc" }, take: 50 }),
    db.opportunityStageConfig.findUnique({ where: { stage: o.stage } }),
    marginFloor(db),
  ]);
  const starters = await db.employee.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.startedById))] } }, select: { id: true, name: true } });
  const nameOf = new Map(starters.map((e) => [e.id, e.name]));
  // A running review whose flow an operator cancelled reads as cancelled (the next start closes it for good).
  const cancelled = new Set((await db.processInstance.findMany({ where: { id: { in: rows.filter((r) => r.status === "running").map((r) => r.instanceId ?? "") }, status: "cancelled" }, select: { id: true } })).map((i) => i.id));
  const statusOf = (r: (typeof rows)[number]) => (r.status === "running" && r.instanceId && cancelled.has(r.instanceId) ? "cancelled" : r.status);
  // A stage is reviewed once: while its review runs, and after it was approved.
  const taken = rows.some((r) => r.stage === o.stage && (statusOf(r) === "running" || r.status === "approved"));
  const mayEdit = await mayEditOpportunity(db, actor, o);
  return {
    stage: o.stage,
    canStart: !!config?.requiresReview && o.stage !== "won" && o.stage !== "lost" && !taken && mayEdit,
    erpSaleNumber: o.erpSaleNumber,
    erpQuotedAt: o.erpQuotedAt,
    marginFloorPct: floor,
    mayEditFloor: hasPermission(actor, "opportunity.review_settings"),
    reviews: rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      status: statusOf(r),
      instanceId: r.instanceId,
      startedAt: r.startedAt,
      decidedAt: r.decidedAt,
      startedBy: nameOf.get(r.startedById) ?? "",
      outcomeNote: r.outcomeNote,
      // The starter or whoever may change the opportunity withdraws a running review (cancelOpportunityReview decides).
      mayCancel: statusOf(r) === "running" && (mayEdit || r.startedById === actor.id),
      marginPct: (r.snapshot as unknown as Partial<ReviewSnapshot>).marginPct ?? null,
    })),
  };
}
