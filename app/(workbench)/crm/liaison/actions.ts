"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { allocateLiaisonStage } from "@/lib/crm/liaison/allocate-liaison-stage";
import { createLiaisonForm } from "@/lib/crm/liaison/create-liaison-form";
import type { LiaisonFormInput } from "@/lib/crm/liaison/liaison.schema";

export const createLiaisonFormAction = employeeAction("crm.view", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const made = await createLiaisonForm(db, actor, input as LiaisonFormInput);
  revalidatePath("/crm/liaison/report");
  return { id: made.id };
});

export const allocateStageAction = employeeAction("crm.view", z.object({ formId: z.string().max(40), stageId: z.string().max(40), employeeId: z.string().max(40) }), async ({ formId, stageId, employeeId }, { actor, db }) => {
  await allocateLiaisonStage(db, actor, stageId, employeeId);
  revalidatePath(`/crm/liaison/${formId}`);
  return { stageId };
});
