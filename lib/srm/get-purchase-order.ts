import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { shanghaiDay } from "./on-time-delivery";
import { orderLineFigures } from "./order-line-figures";
import { orderFlows } from "./order-flows";
import { orderHistory } from "./order-history";
import { personNames } from "./order-people";
import { orderSyncLog } from "./order-sync-log";
import { unitLabels } from "./unit-labels";

const n = (v: unknown) => Number(v);

/**
 * One purchase order for employees (SRM-6): its header and custom fields; per line the
 * quantity and date first asked for, the ones asked for now, the supplier's confirmed
 * ones, what was received (accepted, rejected, first and last receipt) and the line's
 * delivery judged by the on-time rule; its delivery plans and receipts; its flows; its
 * history in words; and the ERP sync log about it. Unknown or malformed ids are
 * not_found (the page's 404), never a server error.
 */
export async function getPurchaseOrder(db: Db, who: Actor, id: string) {
  const actor = requirePermission(who, "srm.view");
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  const po = await db.purchaseOrder.findUnique({
    where: { id },
    include: {
      supplier: { select: { id: true, code: true, name: true } },
      lines: { orderBy: { lineNo: "asc" } },
      deliveryPlans: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { lines: true } },
      receipts: { orderBy: [{ receivedAt: "asc" }, { id: "asc" }], include: { lines: true } },
    },
  });
  if (!po) throw new AppError("not_found");

  const unit = await unitLabels(db, po.lines.map((l) => l.unitCode));
  const lineOf = new Map(po.lines.map((l) => [l.id, l]));
  const today = shanghaiDay(now());
  const receiptsOf = (lineId: string) => po.receipts.flatMap((r) => r.lines.filter((rl) => rl.orderLineId === lineId).map((rl) => ({ at: r.receivedAt, accepted: rl.acceptedQuantity, rejected: rl.rejectedQuantity })));
  const lines = po.lines.map((l) => {
    const receipts = receiptsOf(l.id);
    return {
      ...orderLineFigures(l, receipts, today),
      id: l.id,
      unit: unit(l.unitCode),
      firstReceivedAt: receipts[0]?.at ?? null,
      lastReceivedAt: receipts.at(-1)?.at ?? null,
      unitPrice: n(l.unitPrice),
      amount: n(l.quantity) * n(l.unitPrice),
    };
  });
  const line = (orderLineId: string) => {
    const l = lineOf.get(orderLineId);
    return { lineNo: l?.lineNo ?? 0, productCode: l?.productCode ?? "", unit: unit(l?.unitCode ?? "") };
  };
  const plans = po.deliveryPlans.map((p) => ({
    id: p.id,
    number: p.number,
    status: p.status,
    plannedDate: p.plannedDate,
    shippedAt: p.shippedAt,
    waybillNo: p.waybillNo,
    lines: p.lines.map((pl) => ({ ...line(pl.orderLineId), quantity: n(pl.quantity) })).sort((a, b) => a.lineNo - b.lineNo),
  }));
  const planNumber = new Map(plans.map((p) => [p.id, p.number]));
  const [receivers, fields, flows, syncLog] = await Promise.all([
    personNames(db, po.receipts.map((r) => r.receivedById)),
    loadCustomFields(db, "purchase_order"),
    orderFlows(db, actor, po.id, plans.map((p) => p.id)),
    orderSyncLog(db, actor, po, po.deliveryPlans.map((p) => p.erpId)),
  ]);
  const receipts = po.receipts.map((r) => ({
    id: r.id,
    number: r.number,
    receivedAt: r.receivedAt,
    receivedBy: r.receivedById ? (receivers.get(r.receivedById) ?? null) : null,
    plan: r.deliveryPlanId ? (planNumber.get(r.deliveryPlanId) ?? null) : null,
    posted: !!r.erpId,
    lines: r.lines.map((rl) => ({ ...line(rl.orderLineId), accepted: n(rl.acceptedQuantity), rejected: n(rl.rejectedQuantity), location: rl.locationCode, bin: rl.binCode })).sort((a, b) => a.lineNo - b.lineNo),
  }));
  const history = await orderHistory(db, {
    orderId: po.id,
    lines: po.lines.map((l) => ({ id: l.id, lineNo: l.lineNo, erpId: l.erpId, productCode: l.productCode, unit: unit(l.unitCode) })),
    plans,
    receipts,
    instances: flows.map((f) => ({ id: f.id, processName: f.processName })),
  });
  return {
    order: { id: po.id, number: po.number, status: po.status, currencyCode: po.currencyCode, orderDate: po.orderDate, confirmedAt: po.confirmedAt, supplierRef: po.supplierRef, declinedAt: po.declinedAt, declineReason: po.declineReason, revision: po.revision, custom: po.custom, supplier: po.supplier },
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    lines,
    plans,
    receipts,
    flows,
    history,
    syncLog,
    customFields: fields,
  };
}

export type PurchaseOrderDetail = Awaited<ReturnType<typeof getPurchaseOrder>>;
