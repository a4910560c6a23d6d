import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { stageConfigs } from "./opportunity-stages";

/** Closed stages keep their meaning: won is 100 %, lost 0 %, and neither is left forward. */
const FIXED_STAGES = ["won", "lost"] as const;

const stageConfigInput = z.object({
  stage: z.enum(["qualify", "solution", "quotation", "negotiation"], { message: "validation.stage_fixed" }),
  probability: z
    .union([z.number(), z.string().trim().min(1, "validation.probability_range")])
    .transform(Number)
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 100, "validation.probability_range"),
  requiresReview: z.union([z.boolean(), z.enum(["true", "false", "on", "off"])]).default(false).transform((v) => v === true || v === "true" || v === "on"),
});

/** The settings page's rows, for an administrator: every stage, the closed ones marked fixed. */
export async function stageSettings(db: Db, who: Actor | null) {
  requirePermission(who, "opportunity.review_settings");
  return (await stageConfigs(db)).map((c) => ({ ...c, fixed: (FIXED_STAGES as readonly string[]).includes(c.stage) }));
}

/**
 * An administrator's change of an open stage's default probability and review gate,
 * audited with the previous values. Opportunities keep their probability; the next move
 * into the stage takes the new default, and the board and move rules read the gate.
 */
export async function updateStageConfig(db: Db, who: Actor | null, raw: unknown) {
  const actor = requirePermission(who, "opportunity.review_settings");
  const input = parseInput(stageConfigInput, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.opportunityStageConfig.findUnique({ where: { stage: input.stage }, select: { probability: true, requiresReview: true } });
    if (!before) throw new AppError("not_found");
    const after = { probability: input.probability, requiresReview: input.requiresReview };
    if (before.probability === after.probability && before.requiresReview === after.requiresReview) return { stage: input.stage, ...after };
    await tx.opportunityStageConfig.update({ where: { stage: input.stage }, data: after });
    await writeAudit(tx, actor, { action: "opportunity_stage.update", entity: "OpportunityStageConfig", entityId: input.stage, before, after });
    return { stage: input.stage, ...after };
  });
}
