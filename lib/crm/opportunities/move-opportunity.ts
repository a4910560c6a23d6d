import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { moveInput, type MoveInput, type OpportunityStage } from "./opportunity.schema";
import { editableOpportunity } from "./opportunity-scope";
import { stageConfigs, type StageConfig } from "./opportunity-stages";

/**
 * The stages a forward move leaves behind that need an approved review first: the
 * current one and any skipped over (moving back, or to lost, needs none).
 */
function reviewGates(configs: readonly StageConfig[], from: OpportunityStage, to: OpportunityStage): OpportunityStage[] {
  if (to === "lost" || from === "lost") return [];
  const order = new Map(configs.map((c) => [c.stage, c.sortOrder]));
  const [a, b] = [order.get(from) ?? 0, order.get(to) ?? 0];
  if (b <= a) return [];
  return configs.filter((c) => c.requiresReview && c.sortOrder >= a && c.sortOrder < b).map((c) => c.stage);
}

/**
 * Moves an opportunity to another stage (the board's drag, the detail page's select), by
 * its owner or their sales lead. Leaving forward a stage whose settings require a review
 * is refused (opportunity_review_required, naming the stage) unless a review held at that
 * stage was approved; lost needs a reason. The probability becomes the new stage's
 * default. A concurrent move of the same opportunity is a conflict, never a double step.
 */
export async function moveOpportunity(db: Db, who: Actor | null, id: string, raw: MoveInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(moveInput, raw);
  const opp = await editableOpportunity(db, actor, id, { id: true, code: true, stage: true, probability: true });
  if (opp.stage === input.stage) return { id: opp.id, stage: opp.stage, probability: opp.probability };
  if (input.stage === "lost" && !input.lostReason) throw new AppError("validation", { fieldErrors: { lostReason: "validation.lost_reason" } });
  const configs = await stageConfigs(db);
  const target = configs.find((c) => c.stage === input.stage);
  if (!target) throw new AppError("validation", { fieldErrors: { stage: "validation.required" } });
  return db.$transaction(async (tx) => {
    for (const gate of reviewGates(configs, opp.stage, input.stage)) {
      const approved = await tx.opportunityReview.count({ where: { opportunityId: opp.id, stage: gate, status: "approved" } });
      if (!approved) throw new AppError("opportunity_review_required", { params: { stage: gate } });
    }
    const { count } = await tx.opportunity.updateMany({
      where: { id: opp.id, stage: opp.stage },
      data: { stage: input.stage, probability: target.probability, lostReason: input.stage === "lost" ? input.lostReason : null },
    });
    if (!count) throw new AppError("conflict");
    await writeAudit(tx, actor, { action: "opportunity.move", entity: "Opportunity", entityId: opp.id, before: { stage: opp.stage, probability: opp.probability }, after: { stage: input.stage, probability: target.probability, lostReason: input.stage === "lost" ? input.lostReason : undefined } });
    return { id: opp.id, stage: input.stage, probability: target.probability };
  });
}
