import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../workflow/service-handler";
import { enqueueErpWrite } from "./outbox";

/** The outbox key of an order's cancellation: one per order, however often the step runs. */
export const cancelOrderKey = (orderId: string) => `purchase_order:${orderId}:cancel`;

/**
 * Service task erp.cancelPurchaseOrder: the supplier declined the order and purchasing
 * acknowledged it, so the ERP's order is cancelled. Queued through the outbox (sent after
 * commit, retried, a failed write shown in the integration centre) with one key per
 * order, so a re-run of the step queues nothing new; the audit row goes with the first.
 * Only a declined order is cancelled.
 */
export async function cancelOrderStep(ctx: ServiceContext) {
  const orderId = String(ctx.variables.orderId ?? "");
  await ctx.db.$transaction(async (tx) => {
    const po = await tx.purchaseOrder.findUnique({ where: { id: orderId }, select: { id: true, number: true, erpId: true, status: true, declineReason: true } });
    if (!po) throw new Error(`purchase order ${orderId} not found`);
    if (po.status !== "declined") return;
    const key = cancelOrderKey(po.id);
    if (await tx.job.count({ where: { idempotencyKey: `erp.write:${key}` } })) return;
    await enqueueErpWrite(tx, {
      operation: "cancelPurchaseOrder",
      input: { orderErpId: po.erpId ?? po.number, orderNumber: po.number, reason: po.declineReason },
      idempotencyKey: key,
      instanceId: ctx.instanceId,
    });
    await writeAudit(tx, SYSTEM, { action: "purchase_order.erp_cancel", entity: "PurchaseOrder", entityId: po.id, after: { number: po.number, status: po.status } });
  });
  return { erpCancelQueued: true };
}
