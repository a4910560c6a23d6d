"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { assignTaskInput, commentInput, setDueInput, submitTaskInput } from "@/lib/inbox/inbox.schema";
import { setTaskDue } from "@/lib/inbox/set-task-due";
import { submitTaskForm } from "@/lib/inbox/submit-task-form";
import { assignTask, commentOnTask } from "@/lib/workflow/task-actions";

// Who may do what to a task is decided in lib/ against the task row (canSee, canWorkOn, task.reassign).
// "/" and layout: the task page, the inbox list and its counts, and the bell's unread count in the workbench layout.
export const submitTaskAction = employeeAction(null, submitTaskInput, async (input, { actor, db }) => {
  const r = await submitTaskForm(db, actor, input);
  revalidatePath("/", "layout");
  return { instanceStatus: r.instanceStatus };
});

export const assignTaskAction = employeeAction(null, assignTaskInput, async (input, { actor, db }) => {
  await assignTask(db, actor, input);
  revalidatePath("/", "layout");
  return { taskId: input.taskId };
});

export const commentTaskAction = employeeAction(null, commentInput, async (input, { actor, db }) => {
  const c = await commentOnTask(db, actor, input);
  revalidatePath(`/inbox/${input.taskId}`);
  return { id: c.id };
});

export const setTaskDueAction = employeeAction("task.reassign", setDueInput, async (input, { actor, db }) => {
  await setTaskDue(db, actor, input);
  revalidatePath("/inbox", "layout");
  return { taskId: input.taskId };
});
