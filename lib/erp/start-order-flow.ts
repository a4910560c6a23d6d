import "server-only";
import { SYSTEM, type Actor } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import type { Db } from "../db/client";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import { startInstance } from "../workflow/start-instance";
import { ORDER_FLOW_KEY } from "./job-names";

/**
 * Job erp.startOrderFlow: starts the confirmation flow of one purchase order. The
 * job is queued once per order (with the order row); a re-run after a crash finds
 * the instance by its record and only links it.
 */
export async function runStartOrderFlow(db: Db, job: ClaimedJob) {
  const orderId = String(job.payload.orderId);
  const po = await db.purchaseOrder.findUnique({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } }, supplier: true } });
  // A job of an earlier revision (the ERP changed the order since) has nothing to start.
  if (!po || po.instanceId || po.status !== "open" || Number(job.payload.revision ?? 1) !== po.revision) return;
  const existing = await db.processInstance.findFirst({ where: { recordType: "PurchaseOrder", recordId: po.id, status: { not: "cancelled" } }, select: { id: true } });
  let instanceId = existing?.id;
  if (!instanceId) {
    const startedBy = typeof job.payload.startedBy === "string" ? await loadEmployeeActor(job.payload.startedBy, db) : null;
    const actor: Actor = startedBy ?? SYSTEM;
    const started = await startInstance(db, actor, {
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
        orderLineItems: po.lines.map((l) => ({ key: l.id, label: `${l.lineNo}. ${l.productCode} ${l.description}`, quantity: Number(l.quantity), unit: l.unitCode })),
      },
    });
    instanceId = started.id;
  }
  await db.purchaseOrder.updateMany({ where: { id: po.id, instanceId: null }, data: { instanceId } });
}
