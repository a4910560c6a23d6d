import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { visibleOpportunity } from "./opportunity-scope";

/** The reviews held on an opportunity the employee sees, newest first (CRM-6 starts them; this only lists them). */
export async function listOpportunityReviews(db: Db, who: Actor | null, opportunityId: string) {
  const opp = await visibleOpportunity(db, who, opportunityId, { id: true });
  const rows = await db.opportunityReview.findMany({ where: { opportunityId: opp.id }, orderBy: { startedAt: "desc" }, select: { id: true, stage: true, status: true, startedAt: true, decidedAt: true, outcomeNote: true, startedById: true } });
  const names = new Map((await db.employee.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.startedById))] } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  return rows.map((r) => ({ ...r, startedByName: names.get(r.startedById) ?? null }));
}
