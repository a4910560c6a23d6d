"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { cancelOpportunityReview } from "@/lib/crm/opportunities/review/cancel-review";
import { setMarginFloor } from "@/lib/crm/opportunities/review/margin-floor";
import { startOpportunityReview } from "@/lib/crm/opportunities/review/start-review";

// The use-cases decide who may start or cancel a review and set the floor, and write the audit rows.
export const startReviewAction = employeeAction("crm.view", z.object({ opportunityId: z.string().max(40) }), async (input, { actor, db }) => {
  const result = await startOpportunityReview(db, actor, input);
  revalidatePath(`/crm/opportunities/${input.opportunityId}`);
  return result;
});

export const setMarginFloorAction = employeeAction("opportunity.review_settings", z.object({ opportunityId: z.string().max(40), floorPct: z.string().max(10) }), async ({ opportunityId, floorPct }, { actor, db }) => {
  const result = await setMarginFloor(db, actor, { floorPct });
  revalidatePath(`/crm/opportunities/${opportunityId}`);
  return result;
});

export const cancelReviewAction = employeeAction("crm.view", z.object({ opportunityId: z.string().max(40), reviewId: z.string().max(40), reason: z.string().max(2000) }), async ({ opportunityId, reviewId, reason }, { actor, db }) => {
  const result = await cancelOpportunityReview(db, actor, opportunityId, reviewId, { reason });
  revalidatePath(`/crm/opportunities/${opportunityId}`);
  return result;
});
