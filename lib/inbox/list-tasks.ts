import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { taskQuery, type TaskQuery } from "./inbox.schema";

/** Tasks due within this window count as "due soon". */
export const DUE_SOON_MS = 24 * 3600_000;
/**
 * Counting stops here (or at the page asked for, if deeper): past it the pager says
 * "more than 1,000" and offers the next page instead of counting everything. A group
 * with tens of thousands of open tasks would otherwise pay for the count on every page.
 */
export const COUNT_CAP = 1_000;

/** The count window for a page: the cap, or up to the page itself when it lies deeper. */
export function countWindow(page: number, size: number) {
  return Math.max(COUNT_CAP, page * size);
}

/** What the pager shows: the counted total, whether there are more, and how many pages it can offer. */
export function pagerOf(counted: number, page: number, size: number) {
  const cap = countWindow(page, size);
  const capped = counted > cap;
  const total = Math.min(counted, cap);
  return { total, totalCapped: capped, pages: Math.max(1, Math.ceil(total / size) + (capped ? 1 : 0)) };
}

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
  /** The record's own title (a start form's "title" field), so rows of one step tell apart. */
  subject: string | null;
  processKey: string;
  processName: string;
  dueState: "overdue" | "soon" | "ontime" | "none";
};

/** Which tasks a view shows for this actor; suppliers only ever see their own supplier's. */
export function taskScope(actor: Actor, view: TaskQuery["view"]): Prisma.TaskWhereInput {
  if (actor.realm === "supplier") {
    return view === "done"
      ? { candidateSupplierId: actor.supplierId, status: "completed" }
      : { candidateSupplierId: actor.supplierId, status: "open" };
  }
  if (actor.realm !== "employee") throw new AppError("forbidden");
  switch (view) {
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

function subjectOf(variables: unknown): string | null {
  const title = (variables as Record<string, unknown> | null)?.title;
  return typeof title === "string" && title.trim() ? title.trim().slice(0, 120) : null;
}

export function dueStateOf(dueAt: Date | null, at: Date): TaskRow["dueState"] {
  if (!dueAt) return "none";
  if (dueAt.getTime() < at.getTime()) return "overdue";
  return dueAt.getTime() - at.getTime() < DUE_SOON_MS ? "soon" : "ontime";
}

/**
 * The same scope as taskScope, as SQL over "Task" t (the page and its count are
 * one statement each). countOpenTasks and the tests use taskScope; a test
 * checks that both select the same rows.
 */
function scopeSql(actor: Actor, view: TaskQuery["view"]): Prisma.Sql {
  if (actor.realm === "supplier") {
    return Prisma.sql`t."candidateSupplierId" = ${actor.supplierId} AND t."status" = ${view === "done" ? "completed" : "open"}::"TaskStatus"`;
  }
  if (actor.realm !== "employee") throw new AppError("forbidden");
  switch (view) {
    case "mine":
      return Prisma.sql`t."status" = 'open' AND t."assigneeId" = ${actor.id}`;
    case "group":
      if (!actor.groups.length) return Prisma.sql`FALSE`;
      return Prisma.sql`t."status" = 'open' AND t."assigneeId" IS NULL AND t."candidateGroups" && ${actor.groups}::text[]`;
    case "started":
      return Prisma.sql`t."status" = 'open' AND EXISTS (SELECT 1 FROM "ProcessInstance" si WHERE si."id" = t."instanceId" AND si."startedBy" = ${actor.id})`;
    case "done":
      return Prisma.sql`t."status" = 'completed' AND t."completedById" = ${actor.id}`;
  }
}

/** The filters of the query on top of the scope; contains-matching works as Prisma's `contains` (ILIKE, no escaping). */
function filterSql(query: TaskQuery, at: Date): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (query.q) {
    out.push(Prisma.sql`(t."name" ILIKE ('%' || ${query.q} || '%') OR EXISTS (SELECT 1 FROM "ProcessInstance" qi WHERE qi."id" = t."instanceId" AND qi."businessKey" ILIKE ('%' || ${query.q} || '%')))`);
  }
  if (query.process) {
    out.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProcessInstance" pi JOIN "ProcessDefinition" pd ON pd."id" = pi."definitionId" WHERE pi."id" = t."instanceId" AND pd."key" = ${query.process})`);
  }
  const soon = new Date(at.getTime() + DUE_SOON_MS);
  if (query.due === "overdue") out.push(Prisma.sql`t."dueAt" < ${at}`);
  if (query.due === "soon") out.push(Prisma.sql`t."dueAt" >= ${at} AND t."dueAt" < ${soon}`);
  if (query.due === "ontime") out.push(Prisma.sql`(t."dueAt" IS NULL OR t."dueAt" >= ${soon})`);
  return out;
}

function orderSql(query: TaskQuery, alias: "t" | "p"): Prisma.Sql {
  const dir = Prisma.raw(query.dir === "asc" ? "ASC" : "DESC");
  const col = (name: "dueAt" | "createdAt" | "priority" | "id") => Prisma.raw(`${alias}."${name}"`);
  if (query.sort === "dueAt") return Prisma.sql`${col("dueAt")} ${dir} NULLS LAST, ${col("createdAt")} DESC`;
  return Prisma.sql`${col(query.sort === "priority" ? "priority" : "createdAt")} ${dir}, ${col("id")} ASC`;
}

type PageRow = Omit<TaskRow, "subject" | "dueState" | "id"> & { id: string | null; title: unknown; total: number };

/**
 * One inbox page: server-side filter, sort and paging; indexed for millions of
 * rows. One statement: the capped count, and the page (tasks ordered and
 * limited first, then joined to their instance, process and assignee). An
 * empty page still brings the count, as a row without a task.
 */
export async function listTasks(db: Db, actor: Actor, raw: Partial<Record<keyof TaskQuery, unknown>>) {
  const query = taskQuery.parse(raw);
  const at = now();
  const where = Prisma.join([scopeSql(actor, query.view), ...filterSql(query, at)], " AND ");
  const order = orderSql(query, "t");

  const result = await db.$queryRaw<PageRow[]>`
    WITH counted AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM "Task" t WHERE ${where} LIMIT ${countWindow(query.page, query.size) + 1}) c)
    SELECT p.*, counted.n AS "total" FROM counted LEFT JOIN LATERAL (
      SELECT t."id", t."name", t."elementId", t."status"::text AS "status", t."priority", t."createdAt", t."dueAt", t."completedAt", t."assigneeId",
        (SELECT e."name" FROM "Employee" e WHERE e."id" = t."assigneeId") AS "assigneeName", t."candidateGroups", i."businessKey", i."variables" -> 'title' AS "title", d."key" AS "processKey", d."name" AS "processName"
      FROM (SELECT * FROM "Task" t WHERE ${where} ORDER BY ${order} LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}) t
      JOIN "ProcessInstance" i ON i."id" = t."instanceId"
      JOIN "ProcessDefinition" d ON d."id" = i."definitionId"
    ) p ON true
    ORDER BY ${orderSql(query, "p")}`;
  const rows = result.filter((r): r is PageRow & { id: string } => r.id !== null);
  const items: TaskRow[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    elementId: r.elementId,
    status: r.status,
    priority: r.priority,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    completedAt: r.completedAt,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeId ? r.assigneeName : null,
    candidateGroups: r.candidateGroups,
    businessKey: r.businessKey,
    subject: subjectOf({ title: r.title }),
    processKey: r.processKey,
    processName: r.processName,
    dueState: r.status === "open" ? dueStateOf(r.dueAt, at) : "none",
  }));
  const total = result[0]?.total ?? 0;
  return { query, items, ...pagerOf(total, query.page, query.size) };
}
