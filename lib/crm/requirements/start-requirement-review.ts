import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { startInstance } from "../../workflow/start-instance";
import { linkedParams } from "./linked-params";
import { UUID, visibleRequirementsWhere } from "./requirement-scope";

const REQUIREMENT_REVIEW_KEY = "requirement_review";

/**
 * Starts the requirement review (processes/requirement-review.bpmn) with the requirement's
 * data, for a draft or rejected requirement the employee sees; the requirement moves to
 * "reviewing" and knows its instance in the same transaction. Who reviews is the flow's
 * business (a process owner changes it in the editor).
 */
export async function startRequirementReview(db: Db, who: Actor | null, requirementId: string) {
  const actor = requirePermission(who, "crm.view");
  const where = await visibleRequirementsWhere(db, actor);
  const r = UUID.test(requirementId)
    ? await db.productRequirement.findFirst({
        where: { AND: [{ id: requirementId }, where] },
        include: { customer: { select: { name: true } }, opportunity: { select: { code: true, name: true } }, product: { select: { name: true, techParams: true, category: { select: { paramDefs: true } } } }, category: { select: { paramDefs: true } } },
      })
    : null;
  if (!r) throw new AppError("not_found");
  if (r.status === "reviewing" || r.status === "approved") throw new AppError("requirement_review_not_possible");
  const params = [
    ...linkedParams(r.product?.category?.paramDefs ?? r.category?.paramDefs ?? [], r.product?.techParams ?? {}, "zh-CN").map((p) => `${p.labelZh}: ${p.value || "—"}`),
    ...(Array.isArray(r.extraParams) ? (r.extraParams as { name: string; value: string }[]) : []).map((p) => `${p.name}: ${p.value}`),
  ].join("；");
  return startInstance(db, actor, {
    key: REQUIREMENT_REVIEW_KEY,
    businessKey: r.code,
    recordType: "ProductRequirement",
    recordId: r.id,
    startKey: `requirement-review:${r.id}:${r.updatedAt.getTime()}`,
    variables: {
      requirementId: r.id,
      requirementCode: r.code,
      requirementTitle: r.title,
      customerCode: r.customerCode,
      customerName: r.customer.name,
      opportunityCode: r.opportunity.code,
      productName: r.product?.name ?? "",
      parameters: params.slice(0, 2000),
      quantity: r.quantity,
      targetDate: r.targetDate?.toISOString().slice(0, 10) ?? null,
    },
    link: async (tx, instanceId) => {
      const moved = await tx.productRequirement.updateMany({ where: { id: r.id, status: { in: ["draft", "rejected"] } }, data: { status: "reviewing", reviewInstanceId: instanceId, reviewNote: null } });
      if (moved.count !== 1) throw new AppError("requirement_review_not_possible");
      await writeAudit(tx, actor, { action: "requirement.review_start", entity: "ProductRequirement", entityId: r.id, after: { instanceId, code: r.code } });
    },
  });
}
