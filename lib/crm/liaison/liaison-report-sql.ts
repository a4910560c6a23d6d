import "server-only";
import { Prisma } from "../../db/generated/client";
import type { LiaisonReportQuery } from "./liaison.schema";

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The report's SQL pieces, shared by the page's use-case and the benchmark's bare baseline.
 * A stage's standing in SQL, the same rule as lib/calendar's dueStatus: finished after its
 * planned finish, or open past it, is overdue; open and planned by the end of the next
 * working day (`cutoff`, from the calendar) is due soon; not started has none.
 */
export function dueSql(at: Date, cutoff: Date) {
  return Prisma.sql`CASE
    WHEN s."actualFinishAt" IS NOT NULL THEN CASE WHEN s."actualFinishAt" > s."plannedFinishAt" THEN 'overdue' ELSE 'on_time' END
    WHEN s."plannedFinishAt" < ${at} THEN 'overdue'
    WHEN s."plannedFinishAt" <= ${cutoff} THEN 'due_soon'
    ELSE 'on_time' END`;
}

/**
 * The filters as a WHERE clause over "LiaisonStage" s (customer, opportunity, department,
 * standing). Only started stages have a clock: those not started yet (their group waits)
 * are on the form's page, not in the report.
 */
export function reportWhere(q: Pick<LiaisonReportQuery, "customer" | "opportunity" | "department" | "due">, at: Date, cutoff: Date) {
  const parts: Prisma.Sql[] = [Prisma.sql`s."plannedFinishAt" IS NOT NULL`];
  if (q.customer && UUID.test(q.customer)) parts.push(Prisma.sql`s."customerId" = ${q.customer}`);
  if (q.opportunity && UUID.test(q.opportunity)) parts.push(Prisma.sql`s."opportunityId" = ${q.opportunity}`);
  if (q.department && UUID.test(q.department)) parts.push(Prisma.sql`s."departmentId" = ${q.department}`);
  if (q.due === "open") parts.push(Prisma.sql`s.status IN ('allocating', 'working')`);
  if (q.due === "done") parts.push(Prisma.sql`s.status = 'done'`);
  if (q.due === "overdue") parts.push(Prisma.sql`s."plannedFinishAt" IS NOT NULL AND ((s."actualFinishAt" IS NULL AND s."plannedFinishAt" < ${at}) OR s."actualFinishAt" > s."plannedFinishAt")`);
  if (q.due === "due_soon") parts.push(Prisma.sql`s."actualFinishAt" IS NULL AND s."plannedFinishAt" >= ${at} AND s."plannedFinishAt" <= ${cutoff}`);
  if (q.due === "on_time") parts.push(Prisma.sql`s."plannedFinishAt" IS NOT NULL AND ((s."actualFinishAt" IS NULL AND s."plannedFinishAt" > ${cutoff}) OR s."actualFinishAt" <= s."plannedFinishAt")`);
  return Prisma.join(parts, " AND ");
}

/**
 * One page of stages, latest planned finish first. Plain DESC (nulls first, and there are
 * none here) so that PostgreSQL reads the (plannedFinishAt, id) index, or the filter's
 * (departmentId | customerId | opportunityId, plannedFinishAt) one, backwards and stops at
 * the page instead of sorting every stage.
 */
export function reportPageSql(where: Prisma.Sql, due: Prisma.Sql, limit: number, offset: number) {
  return Prisma.sql`
    SELECT s.id, s."formId", s.seq, s.task, s.status::text AS status, s."startedAt", s."plannedFinishAt", s."actualFinishAt", s."assigneeId", s."departmentId",
      f.code AS "formCode", f.title AS "formTitle", c.name AS "customerName", o.code AS "opportunityCode",
      d."nameZh" AS "departmentZh", d."nameEn" AS "departmentEn", e.name AS "assigneeName", ${due} AS due
    FROM "LiaisonStage" s
    JOIN "LiaisonForm" f ON f.id = s."formId"
    JOIN "Customer" c ON c.id = s."customerId"
    JOIN "Opportunity" o ON o.id = s."opportunityId"
    JOIN "Department" d ON d.id = s."departmentId"
    LEFT JOIN "Employee" e ON e.id = s."assigneeId"
    WHERE ${where}
    ORDER BY s."plannedFinishAt" DESC, s.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

export function reportCountSql(where: Prisma.Sql) {
  return Prisma.sql`SELECT count(*)::int AS n FROM "LiaisonStage" s WHERE ${where}`;
}

/** Open stages and how many of them are overdue, per department or per person. */
export function reportLoadSql(by: "department" | "person", q: Pick<LiaisonReportQuery, "customer" | "opportunity" | "department">, at: Date) {
  const where = reportWhere({ ...q, due: "open" }, at, at);
  const key = by === "department" ? Prisma.sql`s."departmentId"` : Prisma.sql`s."assigneeId"`;
  return Prisma.sql`
    SELECT ${key} AS id, count(*)::int AS open, (count(*) FILTER (WHERE s."plannedFinishAt" < ${at}))::int AS overdue
    FROM "LiaisonStage" s
    WHERE ${where} ${by === "person" ? Prisma.sql`AND s."assigneeId" IS NOT NULL` : Prisma.empty}
    GROUP BY 1
    ORDER BY 3 DESC, 2 DESC
    LIMIT 50`;
}
