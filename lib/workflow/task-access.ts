import "server-only";
import type { Actor } from "../auth/actor";
import type { SubstituteScope } from "./substitute-scope";

type TaskRow = { assigneeId: string | null; candidateGroups: string[]; candidateSupplierId: string | null };

/**
 * Whose work an employee may do: their own, and while a substitution runs that
 * of the people they stand in for (their assigned tasks and their groups'),
 * passed in as `scope` (substitute-scope.ts; without it, only their own).
 */
const inGroups = (actor: { groups: string[] }, task: TaskRow, scope?: SubstituteScope) =>
  task.candidateGroups.some((g) => actor.groups.includes(g) || !!scope?.groups.includes(g));

/** May this actor work on the task: its assignee, a member of its groups while unclaimed, or its supplier; or a substitute of that assignee or member. */
export function canWorkOn(actor: Actor, task: TaskRow, scope?: SubstituteScope): boolean {
  if (actor.realm === "employee") {
    if (task.assigneeId) return task.assigneeId === actor.id || !!scope?.assignees.includes(task.assigneeId);
    return inGroups(actor, task, scope);
  }
  if (actor.realm === "supplier") return !!task.candidateSupplierId && task.candidateSupplierId === actor.supplierId;
  return false;
}

/** May this actor see the task at all (workers, and for employees also the starter). */
export function canSee(actor: Actor, task: TaskRow & { instance?: { startedBy: string | null } }, scope?: SubstituteScope): boolean {
  if (canWorkOn(actor, task, scope)) return true;
  if (actor.realm !== "employee") return false;
  if (inGroups(actor, task, scope)) return true;
  return task.instance?.startedBy === actor.id;
}
