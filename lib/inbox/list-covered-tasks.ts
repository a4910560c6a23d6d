import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import { coveredTasksWhere, standsInFor, substituteScope } from "../workflow/substitute-scope";

export type CoveredTask = {
  id: string;
  name: string;
  businessKey: string | null;
  processName: string;
  createdAt: Date;
  dueAt: Date | null;
  /** Claimed by the person stood in for (else an unclaimed task of their groups). */
  assigned: boolean;
  forName: string;
};

const LIMIT = 50;

/**
 * The open work of the people the actor stands in for right now: their groups'
 * unclaimed tasks and the tasks assigned to them, oldest first, each with whom
 * it is covered for. The substitute claims them (claimTask) to work on them.
 */
export async function listCoveredTasks(db: Db, who: Actor): Promise<CoveredTask[]> {
  const actor = requireEmployee(who);
  const scope = await substituteScope(db, actor, now());
  if (scope.covering.length === 0) return [];
  const [tasks, people] = await Promise.all([
    db.task.findMany({
      where: coveredTasksWhere(scope),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: LIMIT,
      select: { id: true, name: true, createdAt: true, dueAt: true, assigneeId: true, candidateGroups: true, instance: { select: { businessKey: true, definition: { select: { name: true } } } } },
    }),
    db.employee.findMany({ where: { id: { in: scope.assignees } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return tasks.map((t) => ({
    id: t.id,
    name: t.name,
    businessKey: t.instance.businessKey,
    processName: t.instance.definition.name,
    createdAt: t.createdAt,
    dueAt: t.dueAt,
    assigned: !!t.assigneeId,
    forName: names.get(standsInFor(scope, t) ?? "") ?? "—",
  }));
}
