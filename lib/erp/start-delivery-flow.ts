import "server-only";
import { SYSTEM } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import { startInstance } from "../workflow/start-instance";
import { DELIVERY_FLOW_KEY } from "./job-names";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * Job erp.startDeliveryFlow: starts the delivery flow (processes/supplier-delivery.bpmn)
 * of one plan revision and links the plan to it in the same transaction; a plan
 * changed meanwhile abandons the start (its newer job starts the flow), and a job of an
 * older revision finds the plan changed and does nothing.
 */
export async function runStartDeliveryFlow(db: Db, job: ClaimedJob) {
  const planId = String(job.payload.planId);
  const plan = await db.deliveryPlan.findUnique({
    where: { id: planId },
    include: { order: true, supplier: true, lines: { include: { orderLine: true }, orderBy: { orderLine: { lineNo: "asc" } } } },
  });
  if (!plan || plan.instanceId || plan.status !== "planned" || Number(job.payload.revision ?? 1) !== plan.revision) return;
  const existing = await db.processInstance.findFirst({ where: { recordType: "DeliveryPlan", recordId: plan.id, status: { not: "cancelled" } }, select: { id: true } });
  const instanceId = existing?.id;
  if (!instanceId) {
    await startInstance(db, SYSTEM, {
      key: DELIVERY_FLOW_KEY,
      businessKey: plan.number,
      recordType: "DeliveryPlan",
      recordId: plan.id,
      supplierId: plan.supplierId,
      variables: {
        planId: plan.id,
        planNumber: plan.number,
        orderId: plan.orderId,
        orderNumber: plan.order.number,
        supplierName: plan.supplier.name,
        plannedDate: day(plan.plannedDate),
        planLines: plan.lines
          // A line's own date only where it differs from the plan's.
          .map((l) => `${l.orderLine.lineNo}. ${l.orderLine.productCode} ${l.orderLine.description} × ${Number(l.quantity)} ${l.orderLine.unitCode}${day(l.plannedDate) && day(l.plannedDate) !== day(plan.plannedDate) ? ` @ ${day(l.plannedDate)}` : ""}`)
          .join("\n"),
        // The rows of the receipt form (per plan line).
        planLineItems: plan.lines.map((l) => ({ key: l.id, label: `${l.orderLine.lineNo}. ${l.orderLine.productCode} ${l.orderLine.description}`, quantity: Number(l.quantity), unit: l.orderLine.unitCode })),
      },
      link: async (tx, id) => {
        const linked = await tx.deliveryPlan.updateMany({ where: { id: plan.id, instanceId: null, status: "planned", revision: plan.revision }, data: { instanceId: id } });
        if (!linked.count) throw new AppError("conflict");
      },
    });
    return;
  }
  await db.deliveryPlan.updateMany({ where: { id: plan.id, instanceId: null, revision: plan.revision }, data: { instanceId } });
}
