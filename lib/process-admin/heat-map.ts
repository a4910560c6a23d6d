import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { parseBpmn } from "../workflow/moddle";

export type HeatRow = { elementId: string; name: string | null; instances: number; visits: number; active: number; avgSeconds: number | null; p90Seconds: number | null };

/**
 * Per element of one process version: how many instances passed it, how many
 * wait there now, and the average and 90th percentile of the time spent in it.
 * The k-th `element.entered` of an instance is paired with its k-th
 * `element.left` (loops enter an element several times); computed in SQL.
 */
export async function heatMap(db: Db, actor: EmployeeActor, definitionId: string): Promise<HeatRow[]> {
  requirePermission(actor, "process.design");
  const def = await db.processDefinition.findUnique({ where: { id: definitionId }, select: { xml: true } });
  const names = new Map<string, string>();
  if (def) for (const [id, el] of Object.entries((await parseBpmn(def.xml)).elementsById)) if (el.name) names.set(id, el.name);
  const rows = await db.$queryRaw<{ elementId: string; instances: bigint; visits: bigint; active: bigint; avg_s: number | null; p90_s: number | null }[]>`
    WITH ev AS (
      SELECT e."instanceId", e."elementId", e.type, e.at,
             row_number() OVER (PARTITION BY e."instanceId", e."elementId", e.type ORDER BY e.at, e.id) AS n
      FROM "InstanceEvent" e
      JOIN "ProcessInstance" i ON i.id = e."instanceId"
      WHERE i."definitionId" = ${definitionId} AND e.type IN ('element.entered', 'element.left') AND e."elementId" IS NOT NULL
    ),
    pairs AS (
      SELECT en."instanceId", en."elementId", EXTRACT(EPOCH FROM (l.at - en.at))::float8 AS secs, l.at IS NULL AS open
      FROM ev en
      LEFT JOIN ev l ON l."instanceId" = en."instanceId" AND l."elementId" = en."elementId" AND l.type = 'element.left' AND l.n = en.n
      WHERE en.type = 'element.entered'
    )
    SELECT p."elementId",
           COUNT(DISTINCT p."instanceId") AS instances,
           COUNT(*) AS visits,
           COUNT(*) FILTER (WHERE p.open AND i.status IN ('running', 'incident')) AS active,
           AVG(p.secs) AS avg_s,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY p.secs) AS p90_s
    FROM pairs p JOIN "ProcessInstance" i ON i.id = p."instanceId"
    GROUP BY p."elementId"
    ORDER BY p."elementId"`;
  return rows.map((r) => ({
    elementId: r.elementId,
    name: names.get(r.elementId) ?? null,
    instances: Number(r.instances),
    visits: Number(r.visits),
    active: Number(r.active),
    avgSeconds: r.avg_s === null ? null : Number(r.avg_s),
    p90Seconds: r.p90_s === null ? null : Number(r.p90_s),
  }));
}
