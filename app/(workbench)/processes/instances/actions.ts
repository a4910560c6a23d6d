"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { cancelInstanceInput, moveTokenInput, retryJobInput } from "@/lib/process-admin/process-admin.schema";
import { cancelInstance } from "@/lib/workflow/cancel-instance";
import { moveToken } from "@/lib/workflow/move-token";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";

export const cancelInstanceAction = employeeAction("process.operate", cancelInstanceInput, async (input, { actor, db }) => {
  const r = await cancelInstance(db, actor, input);
  revalidatePath(`/processes/instances/${input.id}`);
  revalidatePath("/processes/instances");
  return r;
});

export const retryJobAction = employeeAction("process.operate", retryJobInput, async ({ jobId }, { actor, db }) => {
  await retryFailedJob(db, actor, jobId);
  revalidatePath("/processes/instances", "layout");
  return { jobId };
});

export const moveTokenAction = employeeAction("process.operate", moveTokenInput, async (input, { actor, db }) => {
  const r = await moveToken(db, actor, input);
  revalidatePath(`/processes/instances/${input.instanceId}`);
  return r;
});
