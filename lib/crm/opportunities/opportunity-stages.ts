import "server-only";
import type { Db, Tx } from "../../db/client";
import type { OpportunityStage } from "./opportunity.schema";

export type StageConfig = { stage: OpportunityStage; probability: number; requiresReview: boolean; sortOrder: number };

/** The pipeline's stages in order, with their default probability and whether leaving one forward needs an approved review. */
export async function stageConfigs(db: Db | Tx): Promise<StageConfig[]> {
  return db.opportunityStageConfig.findMany({ orderBy: { sortOrder: "asc" }, select: { stage: true, probability: true, requiresReview: true, sortOrder: true } });
}
