import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../errors/app-error";
import type { ErpPurchaseOrder } from "./connector";
import { queueOrderFlowStart } from "./flow-start-jobs";
import { orderLineData } from "./order-line-data";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { updatePurchaseOrder } from "./update-purchase-order";
import { now } from "../workflow/clock";

/**
 * Brings one ERP purchase order into the app exactly once: the order row is unique
 * on its ERP id, and the job that starts its confirmation flow is queued in the same
 * transaction, so of two pollers (or a poller and the webhook) one inserts and starts
 * the flow and the other finds the order there. A crash after the insert leaves the
 * queued job, which the worker runs. An order that arrives already confirmed in the
 * ERP (through its delivery plan) is kept as confirmed, without a confirmation flow;
 * one that arrives again with changes goes to updatePurchaseOrder.
 */
export async function ingestPurchaseOrder(db: Db, order: ErpPurchaseOrder, opts: { startedBy?: string | null; confirmed?: boolean } = {}): Promise<{ orderId: string; created: boolean; changed: boolean }> {
  const known = await db.purchaseOrder.findUnique({ where: { erpId: order.erpId }, include: { lines: true } });
  if (known) return updatePurchaseOrder(db, known, order);
  const supplierId = await ensureSupplier(db, order.supplier);
  let created: { orderId: string; startJob: string | null };
  try {
    created = await db.$transaction(async (tx) => {
      const po = await tx.purchaseOrder.create({
        data: {
          number: order.number,
          erpId: order.erpId,
          supplierId,
          status: opts.confirmed ? "confirmed" : "open",
          confirmedAt: opts.confirmed ? now() : null,
          currencyCode: order.currencyCode,
          orderDate: order.orderDate ? new Date(order.orderDate) : null,
          lines: {
            create: order.lines.map((l) => orderLineData(l)),
          },
        },
      });
      await writeAudit(tx, SYSTEM, { action: "purchase_order.received", entity: "PurchaseOrder", entityId: po.id, after: { number: po.number, erpId: po.erpId, supplierId, status: po.status, lines: order.lines.length } });
      const startJob = opts.confirmed ? null : await queueOrderFlowStart(tx, po.id, { startedBy: opts.startedBy ?? null });
      return { orderId: po.id, startJob };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const other = await db.purchaseOrder.findUnique({ where: { erpId: order.erpId }, select: { id: true } });
    if (other) return { orderId: other.id, created: false, changed: false };
    throw e;
  }
  if (created.startJob) await runJobNow(db, created.startJob);
  return { orderId: created.orderId, created: true, changed: false };
}

/** The order's supplier, linked by ERP id or code; created (active) when the ERP names one the app does not know yet. */
async function ensureSupplier(db: Db, s: ErpPurchaseOrder["supplier"]): Promise<string> {
  const byErp = await db.supplier.findUnique({ where: { erpId: s.erpId }, select: { id: true } });
  if (byErp) return byErp.id;
  return db.$transaction(async (tx) => {
    const created = await tx.supplier.createManyAndReturn({ data: [{ code: s.code, name: s.name, status: "active", erpId: s.erpId }], skipDuplicates: true });
    if (created[0]) {
      await writeAudit(tx, SYSTEM, { action: "supplier.received_from_erp", entity: "Supplier", entityId: created[0].id, after: created[0] });
      return created[0].id;
    }
    const byCode = await tx.supplier.findUniqueOrThrow({ where: { code: s.code } });
    if (!byCode.erpId) {
      const linked = await tx.supplier.updateMany({ where: { id: byCode.id, erpId: null }, data: { erpId: s.erpId } });
      if (linked.count) await writeAudit(tx, SYSTEM, { action: "supplier.linked_to_erp", entity: "Supplier", entityId: byCode.id, before: { erpId: null }, after: { erpId: s.erpId } });
    }
    return byCode.id;
  });
}
