"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { updateStageConfig } from "@/lib/crm/opportunities/edit-stage-config";

// The use-case checks the permission again, validates the values and writes the audit row.
export const updateStageConfigAction = employeeAction(
  "opportunity.review_settings",
  z.object({ stage: z.string().max(20), probability: z.string().max(10), requiresReview: z.boolean() }),
  async (input, { actor, db }) => {
    const result = await updateStageConfig(db, actor, input);
    revalidatePath("/crm/opportunities/stages");
    revalidatePath("/crm/opportunities/board");
    return result;
  },
);
