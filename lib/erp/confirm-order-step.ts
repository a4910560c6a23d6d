import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { now } from "../workflow/clock";
import type { ServiceContext } from "../workflow/service-handler";
import type { PurchaseConfirmationInput } from "./connector";
import { faultAfterSend } from "./fault";
import { getConnector } from "./get-connector";
import { POLL_PLANS_JOB, pollPlansKey } from "./job-names";
import { withSyncLog } from "./sync-log";

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * Service task erp.confirmPurchaseOrder: records the supplier's confirmation (the
 * quantity confirmed per line, in full where the form gave none, on the confirmed
 * date), or the supplier's proposal once purchasing accepted it (response "propose":
 * the proposed quantities and each line's proposed date become the confirmed ones; the original ones stay),
 * and writes it to the ERP with the task's idempotency key. Recording is idempotent (only an open order changes), so a re-run
 * after a crash only repeats the ERP call, which the key makes a no-op.
 */
export async function confirmOrderStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const orderId = String(variables.orderId ?? "");
  const po = await db.purchaseOrder.findUnique({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } } } });
  if (!po) throw new Error(`purchase order ${orderId} not found`);
  const proposal = variables.response === "propose";
  // A proposal carries a date per line (proposedDates; one date for all in proposals made before that).
  const perLine = (proposal ? (variables.proposedDates ?? {}) : {}) as Record<string, unknown>;
  const wholeDate = text(proposal ? variables.proposedDate : variables.confirmedDate);
  const dateOf = (l: { id: string }) => text(perLine[l.id]) ?? wholeDate;
  const dates = new Set(po.lines.map(dateOf));
  const confirmedDate = dates.size === 1 ? dateOf(po.lines[0]) : null;
  const supplierRef = text(variables.supplierRef);
  const given = ((proposal ? variables.proposedQuantities : variables.confirmedQuantities) ?? {}) as Record<string, unknown>;
  const confirmed = (l: { id: string; quantity: unknown }) => (typeof given[l.id] === "number" ? (given[l.id] as number) : Number(l.quantity));
  await db.$transaction(async (tx) => {
    const changed = await tx.purchaseOrder.updateMany({ where: { id: po.id, status: "open" }, data: { status: "confirmed", confirmedAt: now(), supplierRef } });
    if (!changed.count) return;
    for (const l of po.lines) {
      const day = dateOf(l);
      await tx.purchaseOrderLine.update({ where: { id: l.id }, data: { confirmedQuantity: confirmed(l), confirmedDate: day ? new Date(day) : null } });
    }
    const quantities = po.lines.map((l) => ({ lineNo: l.lineNo, ordered: Number(l.quantity), confirmed: confirmed(l), date: dateOf(l) }));
    await writeAudit(tx, SYSTEM, { action: "purchase_order.confirm", entity: "PurchaseOrder", entityId: po.id, before: { status: po.status }, after: { status: "confirmed", supplierRef, confirmedDate, quantities, ...(proposal ? { acceptedProposal: true, proposalNote: text(variables.proposalNote) } : {}) } });
  });

  const input: PurchaseConfirmationInput = {
    orderErpId: po.erpId ?? po.number,
    orderNumber: po.number,
    supplierRef,
    lines: po.lines.map((l) => ({ lineErpId: l.erpId ?? `${po.number}/${l.lineNo}`, confirmedQuantity: confirmed(l), confirmedDate: dateOf(l) })),
  };
  const connector = await getConnector(db);
  const result = await withSyncLog(db, { connector: connector.kind, direction: "write", operation: "write.confirmPurchaseOrder", request: input, idempotencyKey: ctx.idempotencyKey }, () =>
    connector.confirmPurchaseOrder(input, ctx.idempotencyKey),
  );
  faultAfterSend("confirmPurchaseOrder");
  // The ERP plans the delivery from the confirmation: fetch it soon (once per order).
  await db.job.createMany({ data: [{ kind: POLL_PLANS_JOB, idempotencyKey: pollPlansKey(po.id), payload: { orderId: po.id } }], skipDuplicates: true });
  return { erpConfirmationId: result.erpId };
}
