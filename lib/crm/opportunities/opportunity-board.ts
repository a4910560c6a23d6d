import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { now } from "../../workflow/clock";
import { centsText } from "./opportunity-lines";
import { mayEditOpportunity, visibleOpportunitiesWhere } from "./opportunity-scope";
import { stageConfigs } from "./opportunity-stages";
import { ownerNames, OPPORTUNITY_ROW_SELECT } from "./list-opportunities";

const PER_COLUMN = 50;
const CLOSED_DAYS = 90;

/**
 * The kanban (CRM-5): one column per stage in the pipeline's order with the opportunities
 * the employee sees (won and lost: those closed in the last 90 days), each column's totals
 * (one per currency),
 * and per card whether the employee may move it.
 */
export async function opportunityBoard(db: Db, who: Actor | null, opts: { mine?: boolean } = {}) {
  const actor = requirePermission(who, "crm.view");
  const [scope, configs] = await Promise.all([visibleOpportunitiesWhere(db, actor), stageConfigs(db)]);
  const since = new Date(now().getTime() - CLOSED_DAYS * 86_400_000);
  const columns = await Promise.all(
    configs.map(async (c) => {
      const where = { AND: [scope, { stage: c.stage }, opts.mine ? { ownerId: actor.id } : {}, c.stage === "won" || c.stage === "lost" ? { updatedAt: { gte: since } } : {}] };
      const [rows, agg] = await Promise.all([
        db.opportunity.findMany({ where, orderBy: [{ expectedCloseDate: { sort: "asc", nulls: "last" } }, { code: "asc" }], take: PER_COLUMN, select: { ...OPPORTUNITY_ROW_SELECT, teamId: true } }),
        db.opportunity.groupBy({ by: ["currencyCode"], where, _sum: { amount: true }, _count: true, orderBy: { currencyCode: "asc" } }),
      ]);
      // One total per currency: amounts in different currencies are never added up.
      const totals = agg.map((g) => ({ currencyCode: g.currencyCode, total: centsText(BigInt(Math.round(Number(g._sum.amount ?? 0) * 100))) }));
      return { ...c, rows, count: agg.reduce((n, g) => n + g._count, 0), totals: [...totals.filter((x) => x.currencyCode === "CNY"), ...totals.filter((x) => x.currencyCode !== "CNY")] };
    }),
  );
  const names = await ownerNames(db, columns.flatMap((c) => c.rows.map((r) => r.ownerId)));
  return Promise.all(
    columns.map(async (c) => ({
      ...c,
      rows: await Promise.all(
        c.rows.map(async ({ teamId, ...r }) => ({ ...r, amount: r.amount.toString(), expectedCloseDate: r.expectedCloseDate?.toISOString().slice(0, 10) ?? null, ownerName: names.get(r.ownerId) ?? null, mayMove: await mayEditOpportunity(db, actor, { ownerId: r.ownerId, teamId }) })),
      ),
    })),
  );
}
export type BoardColumn = Awaited<ReturnType<typeof opportunityBoard>>[number];
