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
  if (!po || po.instanceId) return;
  const existing = await db.processInstance.findFirst({ where: { recordType: "PurchaseOrder", recordId: po.id }, select: { id: true } });
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
      },
    });
    instanceId = started.id;
  }
  await db.purchaseOrder.updateMany({ where: { id: po.id, instanceId: null }, data: { instanceId } });
}
