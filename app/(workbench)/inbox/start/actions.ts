"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { startProcessInput } from "@/lib/inbox/inbox.schema";
import { startByHand } from "@/lib/workflow/start-by-hand";

export const startProcessAction = employeeAction(null, startProcessInput, async (input, { actor, db }) => {
  const started = await startByHand(db, actor, input);
  revalidatePath("/inbox", "layout");
  return { instanceId: started.id, businessKey: started.businessKey, status: started.status };
});
