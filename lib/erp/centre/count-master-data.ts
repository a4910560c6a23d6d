import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { MASTER_TABS } from "./centre.schema";

/** How many records each master-data tab holds, for the tab labels. */
export async function countMasterData(db: Db, who: Actor): Promise<Record<(typeof MASTER_TABS)[number], number>> {
  requirePermission(who, "integration.view");
  const [groups, products] = await Promise.all([db.masterData.groupBy({ by: ["kind"], _count: { _all: true } }), db.product.count()]);
  const counts = Object.fromEntries(MASTER_TABS.map((k) => [k, 0])) as Record<(typeof MASTER_TABS)[number], number>;
  for (const g of groups) counts[g.kind] = g._count._all;
  counts.product = products;
  return counts;
}
