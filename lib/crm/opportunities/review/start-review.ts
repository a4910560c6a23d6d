import "server-only";
import { z } from "zod";
import type { Actor } from "../../../auth/actor";
import { requireEmployee } from "../../../auth/permissions";
import { writeAudit } from "../../../audit/write-audit";
import type { Db } from "../../../db/client";
import { AppError } from "../../../errors/app-error";
import { parseInput } from "../../../errors/parse-input";
import { startInstance } from "../../../workflow/start-instance";
import { marginFloor } from "./margin-floor";
import { REVIEW_PROCESS, reviewers, reviewOpportunitySelect, reviewSnapshot, reviewVariables, type ReviewOpportunity } from "./review-data";
import { editableOpportunity } from "../opportunity-scope";
import { reviewRunning } from "./running-review";

const startInput = z.object({ opportunityId: z.string().uuid("validation.invalid_value") });

/**
 * Starts the review of an opportunity at its current stage (CRM-6): one OpportunityReview
 * row with a snapshot of header and lines, and the opportunity_review flow with the
 * snapshot as variables; which review runs at which stage is the flow's choice.
 * Refused, changing nothing: a won or lost opportunity, a stage without a review, no
 * lines, a running review for the stage; and for the commercial review (quotation),
 * whose approval is written to the ERP as a quotation, lines typed without a library
 * product (the ERP's sale lines need product codes) or without a unit cost (no margin).
 */
export async function startOpportunityReview(db: Db, who: Actor | null, raw: unknown) {
  const actor = requireEmployee(who);
  const { opportunityId } = parseInput(startInput, raw);
  const o = await editableOpportunity(db, actor, opportunityId, reviewOpportunitySelect);
  await assertReviewable(db, o);
  const snapshot = reviewSnapshot(o, await marginFloor(db));
  const who2 = await reviewers(db, o);
  if (o.stage === "quotation" && !who2.salesLeadId) throw new AppError("opportunity_review_no_reviewer");
  if (o.stage === "solution" && !who2.productionHeadId) throw new AppError("opportunity_review_no_reviewer");

  let reviewId = "";
  const started = await startInstance(db, actor, {
    key: REVIEW_PROCESS,
    businessKey: o.code,
    recordType: "Opportunity",
    recordId: o.id,
    variables: reviewVariables(o, snapshot, who2),
    link: async (tx, instanceId) => {
      // One running review per opportunity and stage, decided under a lock so two clicks at once start one.
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`opportunity-review:${o.id}:${o.stage}`}))) AS l`;
      if (await reviewRunning(tx, o.id, o.stage)) throw new AppError("opportunity_review_running");
      const review = await tx.opportunityReview.create({ data: { opportunityId: o.id, stage: o.stage, instanceId, snapshot: JSON.parse(JSON.stringify(snapshot)), startedById: actor.id } });
      reviewId = review.id;
      await writeAudit(tx, actor, { action: "opportunity_review.start", entity: "OpportunityReview", entityId: review.id, after: { opportunity: o.code, stage: o.stage, instanceId, marginPct: snapshot.marginPct } });
    },
  });
  return { reviewId, instanceId: started.id, stage: o.stage };
}

async function assertReviewable(db: Db, o: ReviewOpportunity) {
  if (o.stage === "won" || o.stage === "lost") throw new AppError("opportunity_review_closed");
  const config = await db.opportunityStageConfig.findUnique({ where: { stage: o.stage } });
  if (!config?.requiresReview) throw new AppError("opportunity_review_not_needed");
  if (!o.lines.length) throw new AppError("opportunity_review_no_lines");
  if (o.stage !== "quotation") return;
  const typed = o.lines.filter((l) => !l.productCode).map((l) => l.position);
  if (typed.length) throw new AppError("opportunity_review_typed_lines", { params: { lines: typed.join("、") } });
  const uncosted = o.lines.filter((l) => l.unitCost === null).map((l) => l.position);
  if (uncosted.length) throw new AppError("opportunity_review_cost_missing", { params: { lines: uncosted.join("、") } });
}
