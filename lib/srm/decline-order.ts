import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { now } from "../workflow/clock";
import type { ServiceContext } from "../workflow/service-handler";

/**
 * Service task srm.declinePurchaseOrder: the supplier declined the order
 * (po_confirmation, response "decline", with its required reason). The open order
 * becomes declined with the reason, and the audit row, in one transaction; a re-run
 * finds it declined already and changes nothing.
 */
export async function declineOrderStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const orderId = String(variables.orderId ?? "");
  const reason = typeof variables.declineReason === "string" ? variables.declineReason.trim().slice(0, 1000) : "";
  await db.$transaction(async (tx) => {
    const po = await tx.purchaseOrder.findUnique({ where: { id: orderId }, select: { id: true, status: true } });
    if (!po) throw new Error(`purchase order ${orderId} not found`);
    const changed = await tx.purchaseOrder.updateMany({ where: { id: po.id, status: "open" }, data: { status: "declined", declineReason: reason, declinedAt: now() } });
    if (!changed.count) return;
    await writeAudit(tx, SYSTEM, { action: "purchase_order.decline", entity: "PurchaseOrder", entityId: po.id, before: { status: po.status }, after: { status: "declined", reason } });
  });
  return { declined: true };
}
