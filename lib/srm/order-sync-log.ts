import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db } from "../db/client";

/** Operations whose request names the order itself by its ERP id (as `erpId`). */
const ORDER_READS = ["event.ingestPurchaseOrder", "event.webhook.purchaseOrder"];

/**
 * The ERP sync log entries about one order: taking it in, its confirmation and receipts
 * written back, its delivery plans taken in, newest first. Payloads stay in the
 * integration centre, which those who may see it open from here (`href`).
 */
export async function orderSyncLog(db: Db, actor: EmployeeActor, order: { erpId: string | null; number: string }, planErpIds: string[]) {
  const key = order.erpId ?? order.number;
  const rows = await db.erpSyncLog.findMany({
    where: {
      OR: [
        { request: { path: ["orderErpId"], equals: key } },
        { operation: { in: ORDER_READS }, request: { path: ["erpId"], equals: key } },
        ...planErpIds.map((erpId) => ({ operation: "event.webhook.deliveryPlan", request: { path: ["erpId"], equals: erpId } })),
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, at: true, direction: true, operation: true, status: true, durationMs: true },
  });
  const open = hasPermission(actor, "integration.view");
  return rows.map((r) => ({ ...r, href: open ? `/integration/log/${r.id}` : null }));
}
