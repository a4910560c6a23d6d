import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../workflow/service-handler";
import { lotRowsOf } from "./receiving/lot-rows";

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 100) : null);

type Notice = Record<string, { shipped: number; lots: { lotNumber: string; quantity: number }[] }>;

/**
 * Service task srm.recordShipment: the supplier's shipping notice (from the portal
 * task) marks the delivery plan shipped, with the shipping date and waybill number,
 * and records the lots it lists per plan line (form field shippedLots, checked when
 * the task completed). Idempotent: only a planned plan changes; lots are made once.
 * Returns the lots as the next steps' rows (lotRows).
 */
export async function recordShipmentStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const planId = String(variables.planId ?? "");
  const shippedDate = text(variables.shippedDate);
  const waybillNo = text(variables.waybillNo);
  const notice = (variables.shippedLots ?? {}) as Notice;
  await db.$transaction(async (tx) => {
    const plan = await tx.deliveryPlan.findUnique({ where: { id: planId }, select: { id: true, status: true, lines: { select: { id: true } } } });
    if (!plan) throw new Error(`delivery plan ${planId} not found`);
    const shippedAt = shippedDate ? new Date(shippedDate) : new Date();
    const changed = await tx.deliveryPlan.updateMany({ where: { id: planId, status: "planned" }, data: { status: "shipped", shippedAt, waybillNo } });
    if (!changed.count) return;
    const known = new Set(plan.lines.map((l) => l.id));
    const lots = Object.entries(notice)
      .filter(([lineId]) => known.has(lineId))
      .flatMap(([planLineId, v]) => v.lots.filter((l) => l.quantity > 0).map((l, i) => ({ planId, planLineId, position: i + 1, lotNumber: l.lotNumber.trim(), shippedQuantity: l.quantity })));
    if (lots.length && !(await tx.shipmentLot.count({ where: { planId } }))) await tx.shipmentLot.createMany({ data: lots });
    await writeAudit(tx, SYSTEM, { action: "delivery_plan.shipped", entity: "DeliveryPlan", entityId: planId, before: { status: plan.status }, after: { status: "shipped", shippedAt, waybillNo, lots: lots.map((l) => ({ lotNumber: l.lotNumber, quantity: l.shippedQuantity })) } });
  });
  return { shipped: true, lotRows: await lotRowsOf(db, planId) };
}
