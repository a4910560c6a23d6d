import "server-only";
import { SYSTEM, type Actor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import { startInstance } from "../workflow/start-instance";
import { ORDER_FLOW_KEY } from "./job-names";

/**
 * Job erp.startOrderFlow: starts the confirmation flow of one purchase order and
 * links the order to it in the same transaction. The job is queued once per order
 * revision (with the order row); an order changed meanwhile abandons the start (its
 * newer job starts the flow), and an instance left unlinked by an older version of
 * this code is linked by a re-run. An order of a blocked supplier is held: nothing starts
 * until lib/srm/certificates/supplier-block.ts unblocks the supplier and queues the start.
 */
export async function runStartOrderFlow(db: Db, job: ClaimedJob) {
  const orderId = String(job.payload.orderId);
  const po = await db.purchaseOrder.findUnique({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } }, supplier: true } });
  // A job of an earlier revision (the ERP changed the order since) has nothing to start.
  if (!po || po.instanceId || po.status !== "open" || Number(job.payload.revision ?? 1) !== po.revision) return;
  // Held while its supplier is blocked (an expired mandatory certificate): unblocking queues the start again.
  if (po.supplier.blockedAt) return;
  const existing = await db.processInstance.findFirst({ where: { recordType: "PurchaseOrder", recordId: po.id, status: { not: "cancelled" } }, select: { id: true } });
  const instanceId = existing?.id;
  if (!instanceId) {
    const startedBy = typeof job.payload.startedBy === "string" ? await loadEmployeeActor(job.payload.startedBy, db) : null;
    const actor: Actor = startedBy ?? SYSTEM;
    await startInstance(db, actor, {
      key: ORDER_FLOW_KEY,
      businessKey: po.number,
      recordType: "PurchaseOrder",
      recordId: po.id,
      supplierId: po.supplierId,
      variables: {
        orderId: po.id,
        orderNumber: po.number,
        supplierName: po.supplier.name,
        orderLines: po.lines.map((l) => `${l.lineNo}. ${l.productCode} ${l.description} × ${Number(l.quantity)} ${l.unitCode}`).join("\n"),
        // The rows of the confirmation form's per-line quantities.
        // Each row with its requested day (Shanghai calendar): the proposal form starts each line's date there.
        orderLineItems: po.lines.map((l) => ({ key: l.id, label: `${l.lineNo}. ${l.productCode} ${l.description}`, quantity: Number(l.quantity), unit: l.unitCode, ...(l.requestedDate ? { date: new Date(l.requestedDate.getTime() + 8 * 3600_000).toISOString().slice(0, 10) } : {}) })),
      },
      link: async (tx, id) => {
        const linked = await tx.purchaseOrder.updateMany({ where: { id: po.id, instanceId: null, status: "open", revision: po.revision }, data: { instanceId: id } });
        if (!linked.count) throw new AppError("conflict");
      },
    });
    return;
  }
  await db.purchaseOrder.updateMany({ where: { id: po.id, instanceId: null }, data: { instanceId } });
}
