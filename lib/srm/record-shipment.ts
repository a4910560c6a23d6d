import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../workflow/service-handler";

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 100) : null);

/**
 * Service task srm.recordShipment: the supplier's shipping notice (from the portal
 * task) marks the delivery plan shipped, with the shipping date and waybill number.
 * Idempotent: only a planned plan changes.
 */
export async function recordShipmentStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const planId = String(variables.planId ?? "");
  const shippedDate = text(variables.shippedDate);
  const waybillNo = text(variables.waybillNo);
  await db.$transaction(async (tx) => {
    const plan = await tx.deliveryPlan.findUnique({ where: { id: planId }, select: { id: true, status: true } });
    if (!plan) throw new Error(`delivery plan ${planId} not found`);
    const shippedAt = shippedDate ? new Date(shippedDate) : new Date();
    const changed = await tx.deliveryPlan.updateMany({ where: { id: planId, status: "planned" }, data: { status: "shipped", shippedAt, waybillNo } });
    if (!changed.count) return;
    await writeAudit(tx, SYSTEM, { action: "delivery_plan.shipped", entity: "DeliveryPlan", entityId: planId, before: { status: plan.status }, after: { status: "shipped", shippedAt, waybillNo } });
  });
  return { shipped: true };
}
