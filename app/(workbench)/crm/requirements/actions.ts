"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { createRequirement } from "@/lib/crm/requirements/create-requirement";
import type { RequirementInput } from "@/lib/crm/requirements/requirement.schema";
import { startOpportunityRequirementReview } from "@/lib/crm/requirements/start-opportunity-requirement-review";
import { startRequirementReview } from "@/lib/crm/requirements/start-requirement-review";

// The use-cases validate their input, check visibility again and write the audit rows.

export const createRequirementAction = employeeAction("crm.view", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const made = await createRequirement(db, actor, input as RequirementInput);
  revalidatePath("/crm/requirements");
  return { id: made.id };
});

export const startRequirementReviewAction = employeeAction("crm.view", z.object({ id: z.string().max(40) }), async ({ id }, { actor, db }) => {
  const started = await startRequirementReview(db, actor, id);
  revalidatePath(`/crm/requirements/${id}`);
  return { instanceId: started.id };
});

/** For the opportunity list: review its latest draft requirement, or say there is none (the button then opens a new one). */
export const startOpportunityRequirementReviewAction = employeeAction("crm.view", z.object({ opportunityId: z.string().max(40) }), async ({ opportunityId }, { actor, db }) => {
  const { started } = await startOpportunityRequirementReview(db, actor, opportunityId);
  if (started) revalidatePath(`/crm/requirements/${started.requirementId}`);
  return started;
});
