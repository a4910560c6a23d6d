import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { completeTask } from "../workflow/complete-task";

/**
 * Completes a task with its form data. A rejection must say why: the runtime's
 * approval form keeps the comment optional for approvals, the inbox requires it
 * when the decision is "reject" (the reason goes with the task into the history).
 */
export async function submitTaskForm(db: Db, actor: Actor, input: { taskId: string; data: Record<string, unknown> }) {
  const { decision, comment } = input.data;
  if (decision === "reject" && !(typeof comment === "string" && comment.trim())) {
    throw new AppError("validation", { fieldErrors: { comment: "inbox.validation.reasonRequired" } });
  }
  return completeTask(db, actor, input);
}
