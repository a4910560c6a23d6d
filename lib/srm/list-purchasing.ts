import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { readCustomValues } from "../custom-fields/custom-values";
import type { Db } from "../db/client";
import type { SrmListQuery } from "./srm-lists.schema";
import { deliveryPlanWhere, purchaseOrderWhere, type ListScope } from "./purchasing-where";
import { pageWindow } from "../paging/page-window";
import { unitLabels, type UnitLabel } from "./unit-labels";

/** An order's quantities in one unit: ordered, confirmed (null before any confirmation) and received. */
export type UnitQuantities = { unit: UnitLabel; ordered: number; confirmed: number | null; received: number };

export const SRM_PAGE_SIZE = 20;

const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "asc" as const }];

/** Sums per unit, units in the order they first appear: quantities of different units are never added together. */
function perUnit<L extends { unitCode: string }, T>(lines: L[], zero: () => T, add: (acc: T, line: L) => void): [string, T][] {
  const acc = new Map<string, T>();
  for (const l of lines) {
    if (!acc.has(l.unitCode)) acc.set(l.unitCode, zero());
    add(acc.get(l.unitCode)!, l);
  }
  return [...acc.entries()];
}

/**
 * Purchase orders, newest first: number, supplier, status, dates, ordered, confirmed and
 * received quantities per unit, deliveries, custom values. The search also matches the
 * custom fields shown in the list; `q.cf` filters by them.
 */
export async function listPurchaseOrders(db: Db, who: Actor, q: SrmListQuery, scope: ListScope = {}) {
  requirePermission(who, "srm.view");
  const where = await purchaseOrderWhere(db, q, scope);
  const total = await db.purchaseOrder.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, scope.pageSize ?? SRM_PAGE_SIZE);
  const rows = await db.purchaseOrder.findMany({
    where,
    orderBy: NEWEST_FIRST,
    skip,
    take,
    include: {
      supplier: { select: { code: true, name: true } },
      lines: { select: { quantity: true, confirmedQuantity: true, receivedQuantity: true, unitCode: true }, orderBy: { lineNo: "asc" } },
      _count: { select: { deliveryPlans: true } },
    },
  });
  const unit = await unitLabels(db, rows.flatMap((o) => o.lines.map((l) => l.unitCode)));
  const quantities = (lines: (typeof rows)[number]["lines"]): UnitQuantities[] => {
    const anyConfirmed = lines.some((l) => l.confirmedQuantity !== null);
    return perUnit(lines, () => ({ ordered: 0, confirmed: anyConfirmed ? 0 : null, received: 0 }), (q: { ordered: number; confirmed: number | null; received: number }, l) => {
      q.ordered += Number(l.quantity);
      if (q.confirmed !== null) q.confirmed += Number(l.confirmedQuantity ?? 0);
      q.received += Number(l.receivedQuantity);
    }).map(([code, q]) => ({ unit: unit(code), ...q }));
  };
  return {
    rows: rows.map((o) => ({
      id: o.id,
      number: o.number,
      erpId: o.erpId,
      supplier: o.supplier,
      status: o.status,
      orderDate: o.orderDate,
      confirmedAt: o.confirmedAt,
      supplierRef: o.supplierRef,
      lines: o.lines.length,
      quantities: quantities(o.lines),
      deliveries: o._count.deliveryPlans,
      custom: readCustomValues(o.custom),
    })),
    total,
    page,
    pageCount,
  };
}

/** Delivery plans, newest first: plan and order number, supplier, status, planned and shipped dates, waybill, quantities per unit, receipts. */
export async function listDeliveryPlans(db: Db, who: Actor, q: SrmListQuery, scope: ListScope = {}) {
  requirePermission(who, "srm.view");
  const where = deliveryPlanWhere(q, scope);
  const total = await db.deliveryPlan.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, scope.pageSize ?? SRM_PAGE_SIZE);
  const rows = await db.deliveryPlan.findMany({
    where,
    orderBy: NEWEST_FIRST,
    skip,
    take,
    include: {
      supplier: { select: { code: true, name: true } },
      order: { select: { number: true } },
      lines: { select: { quantity: true, orderLine: { select: { unitCode: true, lineNo: true } } } },
      receipts: { select: { number: true, erpId: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const unit = await unitLabels(db, rows.flatMap((p) => p.lines.map((l) => l.orderLine.unitCode)));
  const quantities = (lines: (typeof rows)[number]["lines"]) =>
    perUnit(
      [...lines].sort((a, b) => a.orderLine.lineNo - b.orderLine.lineNo).map((l) => ({ unitCode: l.orderLine.unitCode, quantity: Number(l.quantity) })),
      () => ({ quantity: 0 }),
      (q, l) => {
        q.quantity += l.quantity;
      },
    ).map(([code, q]) => ({ unit: unit(code), quantity: q.quantity }));
  return {
    rows: rows.map((p) => ({
      id: p.id,
      number: p.number,
      orderNumber: p.order.number,
      supplier: p.supplier,
      status: p.status,
      plannedDate: p.plannedDate,
      shippedAt: p.shippedAt,
      waybillNo: p.waybillNo,
      quantities: quantities(p.lines),
      lines: p.lines.length,
      revision: p.revision,
      receipts: p.receipts.map((r) => ({ number: r.number, posted: !!r.erpId })),
    })),
    total,
    page,
    pageCount,
  };
}
