import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { fastRead } from "../db/fast-read";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { dueStateOf, type DueState } from "./due-state";
import { taskQuery, type TaskQuery } from "./inbox.schema";
import { taskOrderSql, taskWhereSql } from "./task-sql";
import { parseInput } from "../errors/parse-input";

export type TaskRow = {
  id: string;
  name: string;
  elementId: string;
  status: string;
  priority: number;
  createdAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  businessKey: string | null;
  /** What the record is about (subjectOf), so rows of one step tell apart. */
  subject: string | null;
  processKey: string;
  processName: string;
  dueState: DueState;
};

/** Which tasks a view shows for this actor, as a Prisma filter (task-sql.ts has the same in SQL); suppliers only ever see their own supplier's. */
export function taskScope(actor: Actor, view: TaskQuery["view"]): Prisma.TaskWhereInput {
  if (actor.realm === "supplier") {
    return view === "done"
      ? { candidateSupplierId: actor.supplierId, status: "completed" }
      : { candidateSupplierId: actor.supplierId, status: "open" };
  }
  if (actor.realm !== "employee") throw new AppError("forbidden");
  switch (view) {
    case "todo":
      return actor.groups.length
        ? { status: "open", OR: [{ assigneeId: actor.id }, { assigneeId: null, candidateGroups: { hasSome: actor.groups } }] }
        : { status: "open", assigneeId: actor.id };
    case "mine":
      return { status: "open", assigneeId: actor.id };
    case "group":
      // No groups, no group tasks (an impossible id, not a sentinel group: PostgreSQL refuses NUL in text).
      return actor.groups.length ? { status: "open", assigneeId: null, candidateGroups: { hasSome: actor.groups } } : { id: { in: [] } };
    case "started":
      return { status: "open", instance: { startedBy: actor.id } };
    case "done":
      return { status: "completed", completedById: actor.id };
  }
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 120) : null);

/**
 * What a record is about, from its instance's variables (task-sql.ts SEARCHED_VARIABLES):
 * its title, else the supplier it concerns. A supplier is not told its own name.
 */
export function subjectOf(vars: { title?: unknown; supplierName?: unknown }, realm: Actor["realm"]): string | null {
  return text(vars.title) ?? (realm === "supplier" ? null : text(vars.supplierName));
}

type PageRow = Omit<TaskRow, "subject" | "dueState"> & { title: unknown; supplierName: unknown };

/**
 * One inbox page: server-side filter, sort and paging, indexed for millions of
 * rows, in one statement (the view's tasks ordered and limited first, then
 * joined to their instance, process and assignee). It reads one row past the
 * page to know whether a next page exists; the total comes from countTasks,
 * which the inbox streams in after the page (bench/inbox.ts measures both).
 */
export async function listTasks(db: Db, actor: Actor, raw: Partial<Record<keyof TaskQuery, unknown>>) {
  const query = parseInput(taskQuery, raw);
  const at = now();
  const rows = await fastRead<PageRow>(
    db,
    Prisma.sql`
    SELECT t."id", t."name", t."elementId", t."status"::text AS "status", t."priority", t."createdAt", t."dueAt", t."completedAt", t."assigneeId",
      (SELECT e."name" FROM "Employee" e WHERE e."id" = t."assigneeId") AS "assigneeName", t."candidateGroups", i."businessKey",
      i."variables" -> 'title' AS "title", i."variables" -> 'supplierName' AS "supplierName", d."key" AS "processKey", d."name" AS "processName"
    FROM (SELECT * FROM "Task" t WHERE ${taskWhereSql(actor, query, at)} ORDER BY ${taskOrderSql(query)} LIMIT ${query.size + 1} OFFSET ${(query.page - 1) * query.size}) t
    JOIN "ProcessInstance" i ON i."id" = t."instanceId"
    JOIN "ProcessDefinition" d ON d."id" = i."definitionId"
    ORDER BY ${taskOrderSql(query)}`,
  );
  const items: TaskRow[] = rows.slice(0, query.size).map(({ title, supplierName, ...r }) => ({
    ...r,
    assigneeName: r.assigneeId ? r.assigneeName : null,
    subject: subjectOf({ title, supplierName }, actor.realm),
    dueState: r.status === "open" ? dueStateOf(r.dueAt, at) : "none",
  }));
  return { query, items, hasNext: rows.length > query.size };
}
