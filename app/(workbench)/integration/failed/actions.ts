"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { retryWriteInput } from "@/lib/erp/centre/centre.schema";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";

export const retryWriteAction = employeeAction("integration.manage", retryWriteInput, async ({ jobId }, { actor, db }) => {
  await retryFailedJob(db, actor, jobId, { permission: "integration.manage" });
  revalidatePath("/integration", "layout");
  return { jobId };
});
