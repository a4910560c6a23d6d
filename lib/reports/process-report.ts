import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { fastRead } from "../db/fast-read";
import { Prisma } from "../db/generated/client";
import { now } from "../workflow/clock";

/** How far back "completed" and the lead times look. */
export const REPORT_DAYS = 30;

export type ProcessFigures = {
  key: string;
  /** The newest version's name. */
  name: string;
  running: number;
  incident: number;
  /** Completed within the last REPORT_DAYS days, and their time from start to end. */
  completed: number;
  avgLeadSeconds: number | null;
  p90LeadSeconds: number | null;
};

export type GroupOverdue = { key: string; nameZh: string; nameEn: string; overdue: number };

/**
 * The managers' first report (report.view): per process, instances running, stopped
 * as an incident and completed in the last 30 days with their average and
 * 90th-percentile lead time; open tasks past their due date per candidate group
 * (a task offered to two groups counts for both), and those waiting for a supplier.
 * Every figure is computed in SQL, a few statements for the whole company.
 */
export async function getProcessReport(db: Db, who: Actor, at: Date = now()) {
  requirePermission(who, "report.view");
  const since = new Date(at.getTime() - REPORT_DAYS * 86_400_000);
  const [processes, groups, [suppliers]] = await Promise.all([
    fastRead<ProcessFigures>(
      db,
      Prisma.sql`
      WITH latest AS (
        SELECT DISTINCT ON (d."key") d."key", d."name" FROM "ProcessDefinition" d ORDER BY d."key", d."version" DESC
      ), figures AS (
        SELECT d."key",
          count(*) FILTER (WHERE i."status" = 'running')::int AS "running",
          count(*) FILTER (WHERE i."status" = 'incident')::int AS "incident",
          count(*) FILTER (WHERE i."status" = 'completed')::int AS "completed",
          (avg(extract(epoch FROM i."endedAt" - i."startedAt")) FILTER (WHERE i."status" = 'completed'))::float8 AS "avgLeadSeconds",
          (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i."endedAt" - i."startedAt")) FILTER (WHERE i."status" = 'completed'))::float8 AS "p90LeadSeconds"
        FROM "ProcessInstance" i JOIN "ProcessDefinition" d ON d."id" = i."definitionId"
        WHERE i."status" IN ('running', 'incident') OR (i."status" = 'completed' AND i."endedAt" >= ${since} AND i."endedAt" <= ${at})
        GROUP BY d."key"
      )
      SELECT l."key", l."name", COALESCE(f."running", 0) AS "running", COALESCE(f."incident", 0) AS "incident", COALESCE(f."completed", 0) AS "completed",
        f."avgLeadSeconds", f."p90LeadSeconds"
      FROM latest l LEFT JOIN figures f ON f."key" = l."key"
      ORDER BY l."name", l."key"`,
    ),
    fastRead<GroupOverdue>(
      db,
      Prisma.sql`
      SELECT g."key", g."nameZh", g."nameEn", count(*)::int AS "overdue"
      FROM "Task" t CROSS JOIN LATERAL unnest(t."candidateGroups") AS c("key") JOIN "Group" g ON g."key" = c."key"
      WHERE t."status" = 'open' AND t."dueAt" < ${at}
      GROUP BY g."key", g."nameZh", g."nameEn"
      ORDER BY "overdue" DESC, g."key"`,
    ),
    fastRead<{ n: number }>(db, Prisma.sql`SELECT count(*)::int AS n FROM "Task" t WHERE t."status" = 'open' AND t."dueAt" < ${at} AND t."candidateSupplierId" IS NOT NULL`),
  ]);
  return { since, at, processes, overdue: { groups, suppliers: suppliers?.n ?? 0 } };
}
