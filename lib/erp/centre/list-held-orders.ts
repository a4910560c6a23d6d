import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";

/**
 * Purchase orders held because their supplier is blocked (an expired mandatory
 * certificate): open, with no confirmation flow, the supplier's reasons beside each.
 * They start once the supplier is unblocked (lib/srm/certificates/supplier-block.ts).
 */
export async function listHeldOrders(db: Db, who: Actor) {
  requirePermission(who, "integration.view");
  const rows = await db.purchaseOrder.findMany({
    where: { status: "open", instanceId: null, supplier: { blockedAt: { not: null } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, number: true, createdAt: true, supplier: { select: { id: true, code: true, name: true, blockedAt: true, blockedReason: true } } },
  });
  return rows;
}

export type HeldOrderRow = Awaited<ReturnType<typeof listHeldOrders>>[number];
