import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { visibleOpportunitiesWhere } from "./opportunity-scope";

/** The opportunity made from a lead, when the employee sees it; whether one exists at all (then the lead offers no second one). */
export async function leadOpportunity(db: Db, who: Actor | null, leadId: string) {
  const row = await db.opportunity.findUnique({ where: { leadId }, select: { id: true, code: true } });
  if (!row) return { exists: false as const, visible: null };
  const visible = await db.opportunity.findFirst({ where: { AND: [{ id: row.id }, await visibleOpportunitiesWhere(db, who)] }, select: { id: true, code: true } });
  return { exists: true as const, visible };
}
