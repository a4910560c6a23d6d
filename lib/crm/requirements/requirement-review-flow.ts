import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { ServiceContext } from "../../workflow/service-handler";

/**
 * Service task crm.requirementReviewed: the review's decision becomes the requirement's
 * status (approved / rejected, with the reviewer's comment). Idempotent: only a requirement
 * still reviewing under this instance moves.
 */
export async function recordRequirementReview(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const approved = variables.decision === "approve";
  const note = typeof variables.comment === "string" ? variables.comment.slice(0, 2000) : null;
  await db.$transaction(async (tx) => {
    const r = await tx.productRequirement.findFirst({ where: { id: String(variables.requirementId), reviewInstanceId: ctx.instanceId, status: "reviewing" }, select: { id: true } });
    if (!r) return;
    await tx.productRequirement.update({ where: { id: r.id }, data: { status: approved ? "approved" : "rejected", reviewNote: note } });
    await writeAudit(tx, SYSTEM, { action: approved ? "requirement.approved" : "requirement.rejected", entity: "ProductRequirement", entityId: r.id, after: { instanceId: ctx.instanceId, note } });
  });
  return { requirementStatus: approved ? "approved" : "rejected" };
}
