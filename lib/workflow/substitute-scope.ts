import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

/**
 * What a substitute covers at one moment, beyond their own work: the people
 * they stand in for (tasks assigned to them) and those people's groups (their
 * group tasks). It lives beside the task rules (task-access.ts) because the
 * engine core may not import the inbox; the inbox queries use it from here.
 */
export type SubstituteScope = {
  /** Employees the actor stands in for now. */
  assignees: string[];
  /** Group keys of those employees that the actor is not a member of. */
  groups: string[];
  /** Per person stood in for: the substitution and that person's groups. */
  covering: { substitutionId: string; employeeId: string; groups: string[] }[];
};

export const NO_SUBSTITUTE_SCOPE: SubstituteScope = Object.freeze({ assignees: [], groups: [], covering: [] }) as SubstituteScope;

/**
 * "A substitution runs at `at`": not cancelled, begun, not yet ended (periods
 * end at midnight after their last day), the same condition by which
 * task-attributes.ts routes new personal tasks to the substitute.
 */
function runningSubstitutions(at: Date) {
  return { active: true, startsAt: { lte: at }, endsAt: { gt: at } } satisfies Prisma.SubstitutionWhereInput;
}

/**
 * The groups and assignees `actor` covers at `at`. Someone away who has been
 * deactivated is covered no longer (their tasks are the managers' to move),
 * nor are groups that have been switched off.
 */
export async function substituteScope(db: Db | Tx, actor: Actor, at: Date): Promise<SubstituteScope> {
  if (actor.realm !== "employee") return NO_SUBSTITUTE_SCOPE;
  const rows = await db.substitution.findMany({
    where: { substituteId: actor.id, ...runningSubstitutions(at) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, employeeId: true },
  });
  if (rows.length === 0) return NO_SUBSTITUTE_SCOPE;
  const people = await db.employee.findMany({
    where: { id: { in: rows.map((r) => r.employeeId) }, active: true },
    select: { id: true, groups: { where: { group: { active: true } }, select: { group: { select: { key: true } } } } },
  });
  const groupsOf = new Map(people.map((p) => [p.id, p.groups.map((g) => g.group.key).filter((k) => !actor.groups.includes(k)).sort()]));
  const covering = rows.filter((r) => groupsOf.has(r.employeeId)).map((r) => ({ substitutionId: r.id, employeeId: r.employeeId, groups: groupsOf.get(r.employeeId)! }));
  return {
    assignees: [...new Set(covering.map((c) => c.employeeId))],
    groups: [...new Set(covering.flatMap((c) => c.groups))].sort(),
    covering,
  };
}

type TaskPeople = { assigneeId: string | null; candidateGroups: string[] };

/**
 * Whom the actor would be standing in for on this task: the person it is
 * assigned to, or for an unclaimed group task the first covered person in one
 * of its groups. Null when the scope does not reach the task.
 */
export function standsInFor(scope: SubstituteScope, task: TaskPeople): string | null {
  if (task.assigneeId) return scope.assignees.includes(task.assigneeId) ? task.assigneeId : null;
  return scope.covering.find((c) => c.groups.some((g) => task.candidateGroups.includes(g)))?.employeeId ?? null;
}

/** The open tasks a scope reaches, as a Prisma filter: unclaimed tasks of the covered groups, tasks of the covered people. */
export function coveredTasksWhere(scope: SubstituteScope): Prisma.TaskWhereInput {
  const or: Prisma.TaskWhereInput[] = [];
  if (scope.groups.length) or.push({ assigneeId: null, candidateGroups: { hasSome: scope.groups } });
  if (scope.assignees.length) or.push({ assigneeId: { in: scope.assignees } });
  return or.length ? { status: "open", OR: or } : { id: { in: [] } };
}

/**
 * The same in SQL over the alias t (for lib/inbox/task-sql.ts): FALSE for
 * someone covering nobody, so it can be OR-ed into a view's scope as it is.
 */
export function coveredTasksSql(scope: SubstituteScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.groups.length) parts.push(Prisma.sql`(t."assigneeId" IS NULL AND t."candidateGroups" && ${scope.groups}::text[])`);
  if (scope.assignees.length) parts.push(Prisma.sql`t."assigneeId" = ANY(${scope.assignees}::text[])`);
  return parts.length ? Prisma.sql`(t."status" = 'open' AND (${Prisma.join(parts, " OR ")}))` : Prisma.sql`FALSE`;
}
