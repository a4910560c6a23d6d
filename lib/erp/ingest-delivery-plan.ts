import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../errors/app-error";
import type { ErpConnector, ErpDeliveryPlan } from "./connector";
import { ingestPurchaseOrder } from "./ingest-purchase-order";
import { queueDeliveryFlowStart } from "./flow-start-jobs";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { withdrawFlow } from "./withdraw-flow";
import { now } from "../workflow/clock";

type OrderWithLines = { id: string; number: string; supplierId: string; lines: { id: string; lineNo: number; erpId: string | null }[] };
type PlanLine = { orderLineId: string; erpId: string; quantity: number; plannedDate: Date | null };

export type PlanIngest = { planId: string; created: boolean; changed: boolean };

const day = (d: string | null) => (d ? new Date(d) : null);

/** Built-in orders have no ERP id: the built-in "ERP" names them by number. */
function findOrder(db: Db, orderErpId: string) {
  return db.purchaseOrder.findFirst({ where: { OR: [{ erpId: orderErpId }, { erpId: null, number: orderErpId }] }, include: { lines: true } });
}

function planLines(order: OrderWithLines, plan: ErpDeliveryPlan): PlanLine[] {
  return plan.lines.map((l) => {
    const line = order.lines.find((ol) => ol.erpId === l.orderLineErpId || (!ol.erpId && `${order.number}/${ol.lineNo}` === l.orderLineErpId));
    if (!line) throw new Error(`delivery plan ${plan.erpId} names line ${l.orderLineErpId}, which order ${order.number} does not have`);
    return { orderLineId: line.id, erpId: l.erpId, quantity: l.quantity, plannedDate: day(l.plannedDate) };
  });
}

const signature = (plannedDate: Date | null, lines: { orderLineId: string; quantity: unknown; plannedDate: Date | null }[]) =>
  JSON.stringify([plannedDate?.toISOString() ?? null, ...lines.map((l) => [l.orderLineId, Number(l.quantity), l.plannedDate?.toISOString() ?? null]).sort()]);

/**
 * Takes one ERP delivery plan in: a new plan is stored with its flow-start job in one
 * transaction (unique on the ERP id, so two pollers start one flow); a plan that
 * changed in the ERP before the supplier shipped gets the new lines, its open delivery
 * task is withdrawn and a new flow is started. Once shipped, the plan is the
 * supplier's and the warehouse's: later ERP changes are not taken.
 * An order the app does not know (confirmed directly in the ERP) is read and taken in
 * as confirmed, without a confirmation flow; one the app has open was confirmed in the
 * ERP meanwhile: it becomes confirmed and its confirmation task is withdrawn.
 */
export async function ingestDeliveryPlan(db: Db, connector: ErpConnector, plan: ErpDeliveryPlan): Promise<PlanIngest> {
  let order = await findOrder(db, plan.orderErpId);
  if (!order) {
    const erpOrder = await connector.readPurchaseOrder(plan.orderErpId);
    if (!erpOrder) throw new Error(`delivery plan ${plan.erpId} names order ${plan.orderErpId}, which the ERP does not return`);
    await ingestPurchaseOrder(db, erpOrder, { confirmed: true });
    order = await findOrder(db, plan.orderErpId);
    if (!order) throw new Error(`order ${plan.orderErpId} could not be taken in`);
  }
  const lines = planLines(order, plan);
  if (order.status === "open") await confirmedInErp(db, order.id);
  const plannedDate = day(plan.plannedDate);
  const known = await db.deliveryPlan.findUnique({ where: { erpId: plan.erpId }, include: { lines: true } });
  if (known) return updatePlan(db, known, plannedDate, lines);

  let created: { planId: string; startJob: string };
  try {
    created = await db.$transaction(async (tx) => {
      const n = (await tx.deliveryPlan.count({ where: { orderId: order.id } })) + 1;
      const row = await tx.deliveryPlan.create({
        data: { number: `DP-${order.number}-${n}`, erpId: plan.erpId, orderId: order.id, supplierId: order.supplierId, plannedDate, lines: { create: lines } },
      });
      await writeAudit(tx, SYSTEM, { action: "delivery_plan.received", entity: "DeliveryPlan", entityId: row.id, after: { number: row.number, erpId: plan.erpId, orderId: order.id, plannedDate: plan.plannedDate, lines: plan.lines } });
      return { planId: row.id, startJob: await queueDeliveryFlowStart(tx, row.id, 1) };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const other = await db.deliveryPlan.findUnique({ where: { erpId: plan.erpId }, select: { id: true } });
    if (other) return { planId: other.id, created: false, changed: false };
    throw e;
  }
  await runJobNow(db, created.startJob);
  return { planId: created.planId, created: true, changed: false };
}

/** The ERP planned a delivery for an order still open here: the buyer confirmed it there. */
async function confirmedInErp(db: Db, orderId: string) {
  await db.$transaction(async (tx) => {
    const changed = await tx.purchaseOrder.updateMany({ where: { id: orderId, status: "open" }, data: { status: "confirmed", confirmedAt: now() } });
    if (!changed.count) return;
    await withdrawFlow(tx, { type: "PurchaseOrder", id: orderId }, "purchase order confirmed in the ERP");
    await writeAudit(tx, SYSTEM, { action: "purchase_order.confirmed_in_erp", entity: "PurchaseOrder", entityId: orderId, before: { status: "open" }, after: { status: "confirmed" } });
  });
}

type KnownPlan = { id: string; status: string; revision: number; plannedDate: Date | null; lines: { orderLineId: string; quantity: unknown; plannedDate: Date | null }[] };

async function updatePlan(db: Db, known: KnownPlan, plannedDate: Date | null, lines: PlanLine[]): Promise<PlanIngest> {
  const same = { planId: known.id, created: false, changed: false };
  if (known.status !== "planned" || signature(known.plannedDate, known.lines) === signature(plannedDate, lines)) return same;
  const revision = known.revision + 1;
  const changed = await db.$transaction(async (tx) => {
    const moved = await tx.deliveryPlan.updateMany({ where: { id: known.id, status: "planned", revision: known.revision }, data: { plannedDate, revision, instanceId: null } });
    if (!moved.count) return null;
    await withdrawFlow(tx, { type: "DeliveryPlan", id: known.id }, "delivery plan changed in the ERP");
    await tx.deliveryPlanLine.deleteMany({ where: { planId: known.id } });
    await tx.deliveryPlanLine.createMany({ data: lines.map((l) => ({ ...l, planId: known.id })) });
    await writeAudit(tx, SYSTEM, {
      action: "delivery_plan.changed",
      entity: "DeliveryPlan",
      entityId: known.id,
      before: { plannedDate: known.plannedDate, lines: known.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: Number(l.quantity) })) },
      after: { plannedDate, lines: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })), revision },
    });
    return queueDeliveryFlowStart(tx, known.id, revision);
  });
  if (!changed) return same;
  await runJobNow(db, changed);
  return { planId: known.id, created: false, changed: true };
}

/**
 * The ERP lists all open plans of these orders: a planned (not yet shipped) plan of
 * theirs that it no longer lists was replaced or dropped there, and is cancelled here.
 */
export async function dropVanishedPlans(db: Db, orderErpIds: string[], listed: Set<string>) {
  if (!orderErpIds.length) return 0;
  const stale = await db.deliveryPlan.findMany({ where: { status: "planned", order: { erpId: { in: orderErpIds } }, erpId: { notIn: [...listed] } } });
  for (const p of stale) {
    await db.$transaction(async (tx) => {
      const done = await tx.deliveryPlan.updateMany({ where: { id: p.id, status: "planned" }, data: { status: "cancelled" } });
      if (!done.count) return;
      await withdrawFlow(tx, { type: "DeliveryPlan", id: p.id }, "delivery plan no longer open in the ERP");
      await writeAudit(tx, SYSTEM, { action: "delivery_plan.cancelled", entity: "DeliveryPlan", entityId: p.id, before: { status: "planned" }, after: { status: "cancelled", reason: "no longer open in the ERP" } });
    });
  }
  return stale.length;
}
