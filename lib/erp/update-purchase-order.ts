import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { ErpPurchaseOrder } from "./connector";
import { queueOrderFlowStart } from "./flow-start-jobs";
import { orderLineData } from "./order-line-data";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { withdrawFlow } from "./withdraw-flow";

type KnownOrder = {
  id: string;
  status: string;
  revision: number;
  currencyCode: string | null;
  orderDate: Date | null;
  lines: { erpId: string | null; productCode: string; description: string; quantity: unknown; unitCode: string; unitPrice: unknown; requestedDate: Date | null; originalQuantity: unknown; originalDate: Date | null }[];
};

const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : null);

function signature(currencyCode: string | null, orderDate: Date | string | null, lines: KnownOrder["lines"] | ErpPurchaseOrder["lines"]) {
  const rows = lines.map((l) => [l.erpId, l.productCode, l.description, Number(l.quantity), l.unitCode, Number(l.unitPrice), day(l.requestedDate)]);
  return JSON.stringify([currencyCode, day(orderDate), ...rows.map((r) => JSON.stringify(r)).sort()]);
}

/**
 * An order the app already has, sent again by the ERP. While it is open (the supplier
 * has not confirmed), a change is taken: the lines are replaced, the open confirmation
 * task is withdrawn and a new confirmation flow starts on the new content. A confirmed
 * order is the supplier's promise (and one with deliveries planned is under way):
 * later ERP changes to it are not taken here. Each line keeps the quantity and date it
 * first asked for (matched by the ERP's line id), so delivery can be judged against them.
 */
export async function updatePurchaseOrder(db: Db, known: KnownOrder, order: ErpPurchaseOrder): Promise<{ orderId: string; created: false; changed: boolean }> {
  const same = { orderId: known.id, created: false as const, changed: false };
  if (known.status !== "open" || (await db.deliveryPlan.count({ where: { orderId: known.id } })) || signature(known.currencyCode, known.orderDate, known.lines) === signature(order.currencyCode, order.orderDate, order.lines)) return same;
  const revision = known.revision + 1;
  const changed = await db.$transaction(async (tx) => {
    const moved = await tx.purchaseOrder.updateMany({
      where: { id: known.id, status: "open", revision: known.revision },
      data: { revision, instanceId: null, currencyCode: order.currencyCode, orderDate: order.orderDate ? new Date(order.orderDate) : null },
    });
    if (!moved.count) return null;
    await withdrawFlow(tx, { type: "PurchaseOrder", id: known.id }, "purchase order changed in the ERP");
    await tx.purchaseOrderLine.deleteMany({ where: { orderId: known.id } });
    const first = new Map(known.lines.filter((l) => l.erpId && l.originalQuantity !== null).map((l) => [l.erpId, l]));
    await tx.purchaseOrderLine.createMany({ data: order.lines.map((l) => ({ ...orderLineData(l, first.get(l.erpId)), orderId: known.id })) });
    await writeAudit(tx, SYSTEM, {
      action: "purchase_order.changed_in_erp",
      entity: "PurchaseOrder",
      entityId: known.id,
      before: { lines: known.lines.map((l) => ({ productCode: l.productCode, quantity: Number(l.quantity), unitPrice: Number(l.unitPrice) })) },
      after: { lines: order.lines.map((l) => ({ productCode: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice })), revision },
    });
    return queueOrderFlowStart(tx, known.id, { revision });
  });
  if (!changed) return same;
  await runJobNow(db, changed);
  return { ...same, changed: true };
}
