import "server-only";
import type { Actor } from "../auth/actor";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { DUE_SOON_MS } from "./due-state";
import type { TaskQuery } from "./inbox.schema";

/**
 * The instance variables that name a record, first found first: a start form's
 * "title" (a requisition's subject, a quality issue's summary), else the supplier
 * a review or an order is about. The inbox row and the notifications show it as
 * the subject, and search looks in all of them.
 */
const SEARCHED_VARIABLES = ["title", "supplierName"] as const;

/**
 * The WHERE of an inbox view over "Task" t: the same scope as taskScope (a test
 * checks that both select the same rows) and the query's filters. Suppliers only
 * ever see their own supplier's tasks. Contains-matching works as Prisma's
 * `contains` (ILIKE, no escaping).
 */
export function taskWhereSql(actor: Actor, query: TaskQuery, at: Date): Prisma.Sql {
  return Prisma.join([scopeSql(actor, query.view), ...filterSql(query, at)], " AND ");
}

function scopeSql(actor: Actor, view: TaskQuery["view"]): Prisma.Sql {
  if (actor.realm === "supplier") {
    return Prisma.sql`t."candidateSupplierId" = ${actor.supplierId} AND t."status" = ${view === "done" ? "completed" : "open"}::"TaskStatus"`;
  }
  if (actor.realm !== "employee") throw new AppError("forbidden");
  switch (view) {
    case "todo":
      // Mine and my groups' unclaimed tasks: the two indexed scopes, side by side.
      if (!actor.groups.length) return Prisma.sql`t."status" = 'open' AND t."assigneeId" = ${actor.id}`;
      return Prisma.sql`t."status" = 'open' AND (t."assigneeId" = ${actor.id} OR (t."assigneeId" IS NULL AND t."candidateGroups" && ${actor.groups}::text[]))`;
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

function filterSql(query: TaskQuery, at: Date): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (query.q) {
    // What the row shows: the step's name, the business key and the record's subject (SEARCHED_VARIABLES).
    const like = Prisma.sql`('%' || ${query.q} || '%')`;
    out.push(Prisma.sql`(t."name" ILIKE ${like} OR EXISTS (SELECT 1 FROM "ProcessInstance" qi WHERE qi."id" = t."instanceId" AND (qi."businessKey" ILIKE ${like}
      OR ${Prisma.join(SEARCHED_VARIABLES.map((v) => Prisma.sql`qi."variables" ->> ${v} ILIKE ${like}`), " OR ")})))`);
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

/** ORDER BY for the view's sort over the alias t. */
export function taskOrderSql(query: TaskQuery): Prisma.Sql {
  const dir = Prisma.raw(query.dir === "asc" ? "ASC" : "DESC");
  if (query.sort === "dueAt") return Prisma.sql`t."dueAt" ${dir} NULLS LAST, t."createdAt" DESC`;
  return Prisma.sql`${Prisma.raw(query.sort === "priority" ? `t."priority"` : `t."createdAt"`)} ${dir}, t."id" ASC`;
}
