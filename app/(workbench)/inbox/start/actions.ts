"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { startProcessInput } from "@/lib/inbox/inbox.schema";
import { startProcess } from "@/lib/inbox/start-process";

export const startProcessAction = employeeAction(null, startProcessInput, async (input, { actor, db }) => {
  const started = await startProcess(db, actor, input);
  revalidatePath("/inbox", "layout");
  return started;
});
