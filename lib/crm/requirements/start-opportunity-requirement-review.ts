import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { visibleOpportunity } from "./requirement-scope";
import { startRequirementReview } from "./start-requirement-review";

/**
 * The opportunity list's "requirement review" button (CRM-7): starts the review of the
 * opportunity's latest requirement still to review (draft or rejected). With none, the
 * caller opens a new requirement for the opportunity instead.
 */
export async function startOpportunityRequirementReview(db: Db, who: Actor | null, opportunityId: string): Promise<{ started: { requirementId: string; instanceId: string } | null }> {
  const actor = requirePermission(who, "crm.view");
  const opp = await visibleOpportunity(db, actor, opportunityId);
  const r = await db.productRequirement.findFirst({ where: { opportunityId: opp.id, status: { in: ["draft", "rejected"] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!r) return { started: null };
  const instance = await startRequirementReview(db, actor, r.id);
  return { started: { requirementId: r.id, instanceId: instance.id } };
}
