import "server-only";
import type { Actor } from "../auth/actor";

type TaskRow = { assigneeId: string | null; candidateGroups: string[]; candidateSupplierId: string | null };

/** May this actor work on the task: its assignee, a member of its groups while unclaimed, or its supplier. */
export function canWorkOn(actor: Actor, task: TaskRow): boolean {
  if (actor.realm === "employee") {
    if (task.assigneeId) return task.assigneeId === actor.id;
    return task.candidateGroups.some((g) => actor.groups.includes(g));
  }
  if (actor.realm === "supplier") return !!task.candidateSupplierId && task.candidateSupplierId === actor.supplierId;
  return false;
}

/** May this actor see the task at all (workers, and for employees also the starter). */
export function canSee(actor: Actor, task: TaskRow & { instance?: { startedBy: string | null } }): boolean {
  if (canWorkOn(actor, task)) return true;
  if (actor.realm !== "employee") return false;
  if (task.candidateGroups.some((g) => actor.groups.includes(g))) return true;
  return task.instance?.startedBy === actor.id;
}
