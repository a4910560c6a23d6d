import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { applyOutcome } from "./apply-outcome";
import { now } from "./clock";
import { runStep } from "./engine-host";
import { validateFormData } from "./form-data";
import { checkMemberFields } from "./form-members";
import { formOfDefinition } from "./form-store";
import { instanceContext, TX_OPTIONS } from "./load-definition";
import { stepOrIncident } from "./record-incident";
import { closeTask, loadTaskForCompletion } from "./step-sql";
import { canSee, canWorkOn } from "./task-access";

export type CompleteInput = { taskId: string; data: Record<string, unknown> };

/** Validates the form; a form with "lines" fields or rules on variables is checked against the instance's variables (one more read, only then), "member" fields against the people the one completing may pick. */
async function validate(tx: Tx, task: { instanceId: string; formKey: string | null; instance: { definitionId: string } }, data: Record<string, unknown>, actorId: string): Promise<Record<string, unknown>> {
  const form = await formOfDefinition(tx, task.instance.definitionId, task.formKey);
  if (task.formKey && !form) throw new AppError("form_not_found");
  const instanceId = task.instanceId;
  const needsVariables = form?.fields.some((f) => f.type === "lines" || f.type === "lots" || f.hideIf) || form?.rules?.some((r) => r.kind === "at_least" || r.kind === "at_most");
  const inst = needsVariables ? await tx.processInstance.findUnique({ where: { id: instanceId }, select: { variables: true } }) : null;
  const valid = needsVariables ? validateFormData(form, data, (inst?.variables ?? {}) as Record<string, unknown>) : validateFormData(form, data);
  await checkMemberFields(tx, actorId, form, valid);
  return valid;
}

/**
 * Completes a task in one transaction: authorise against the task row, validate
 * the form, signal the engine, persist with optimistic locking. Of two people
 * completing one task at once, exactly one succeeds; the other gets a conflict.
 * A step past its limits changes nothing but the instance's status (an incident).
 */
export async function completeTask(db: Db, actor: Actor, input: CompleteInput) {
  const at = now();
  return stepOrIncident(db, (track) => db.$transaction(async (tx) => {
    const task = await loadTaskForCompletion(tx, input.taskId);
    if (!task) throw new AppError("not_found");
    if (task.status !== "open") throw new AppError(canSee(actor, task) || task.completedById === actor.id ? "task_closed" : "not_found");
    if (!canWorkOn(actor, task)) throw new AppError(canSee(actor, task) ? "task_not_yours" : "not_found");
    if (task.instance.status !== "running") throw new AppError("conflict");
    const data = await validate(tx, task, input.data, actor.id ?? "");

    // Claim the row first: a concurrent completion blocks here and then finds it closed.
    const closed = await closeTask(tx, task.id, { outcome: typeof data.decision === "string" ? data.decision : "completed", completedById: actor.id, completedAt: at, assigneeId: task.assigneeId ?? (actor.realm === "employee" ? actor.id : null) });
    if (!closed) throw new AppError("conflict");

    track(task.instanceId);
    const context = await instanceContext(tx, task.instance.definitionId);
    // The state was just read for this transaction and is not used again: handed over, not copied.
    const outcome = await runStep(context, task.instance.state, { kind: "signal", executionId: task.executionId, output: data, variables: data }, {}, true);
    if (!outcome) throw new AppError("conflict");
    const completed = { at, type: "task.completed", elementId: task.elementId, taskId: task.id, actorId: actor.id, data: { data, realm: actor.realm } };
    const audit = (instanceStatus: string) => ({ actor, action: "task.complete", entity: "Task", entityId: task.id, after: { data, instanceStatus } });
    const { status } = await applyOutcome(tx, task.instance, outcome, new Date(at.getTime() + 1), actor.id, [completed], audit);
    return { instanceId: task.instanceId, instanceStatus: status };
  }, TX_OPTIONS));
}
