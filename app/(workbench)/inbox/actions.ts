"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { deleteSavedFilter } from "@/lib/inbox/delete-saved-filter";
import { idInput, saveFilterInput, taskIdInput } from "@/lib/inbox/inbox.schema";
import { saveFilter } from "@/lib/inbox/save-filter";
import { claimTask, unclaimTask } from "@/lib/workflow/task-actions";

// Group membership and task visibility are checked in lib/workflow; any employee may call these.
export const claimTaskAction = employeeAction(null, taskIdInput, async ({ taskId }, { actor, db }) => {
  await claimTask(db, actor, taskId);
  revalidatePath("/inbox", "layout");
  return { taskId };
});

export const unclaimTaskAction = employeeAction(null, taskIdInput, async ({ taskId }, { actor, db }) => {
  await unclaimTask(db, actor, taskId);
  revalidatePath("/inbox", "layout");
  return { taskId };
});

export const saveFilterAction = employeeAction(null, saveFilterInput, async (input, { actor, db }) => {
  const saved = await saveFilter(db, actor, input);
  revalidatePath("/inbox");
  return saved;
});

export const deleteFilterAction = employeeAction(null, idInput, async ({ id }, { actor, db }) => {
  await deleteSavedFilter(db, actor, id);
  revalidatePath("/inbox");
  return { id };
});
