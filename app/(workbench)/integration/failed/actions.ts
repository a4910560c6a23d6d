"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { retryWriteInput } from "@/lib/erp/centre/centre.schema";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";

// retryFailedJob checks process.operate itself; integration.manage is asked first so that
// only those who run the integration centre retry from here.
export const retryWriteAction = employeeAction("integration.manage", retryWriteInput, async ({ jobId }, { actor, db }) => {
  await retryFailedJob(db, actor, jobId);
  revalidatePath("/integration", "layout");
  return { jobId };
});
