"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { setCustomerStage } from "@/lib/crm/set-customer-stage";

// The use-case checks the stage, who may change it, and writes the audit row and the ERP write.
export const setCustomerStageAction = employeeAction("crm.view", z.object({ id: z.string().max(40), stage: z.string().max(20), reason: z.string().max(600).optional() }), async ({ id, ...input }, { actor, db }) => {
  const result = await setCustomerStage(db, actor, id, input);
  revalidatePath(`/crm/customers/${id}`);
  return result;
});
