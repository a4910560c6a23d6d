import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderStatus, PlanStatus, SrmListQuery } from "./srm-lists.schema";
import { pageWindow } from "../paging/page-window";

export const SRM_PAGE_SIZE = 20;

const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "asc" as const }];

const supplierMatch = (q: string): Prisma.SupplierWhereInput => ({ OR: [{ code: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] });

/** Narrows a list to one supplier (the supplier archive) and sets its page size. */
export type ListScope = { supplierId?: string; pageSize?: number };

/** Purchase orders, newest first: number, supplier, status, dates, confirmed against ordered quantities, deliveries. */
export async function listPurchaseOrders(db: Db, who: Actor, q: SrmListQuery, scope: ListScope = {}) {
  requirePermission(who, "srm.view");
  const where: Prisma.PurchaseOrderWhereInput = {
    ...(scope.supplierId ? { supplierId: scope.supplierId } : {}),
    ...(q.status !== "all" ? { status: q.status as OrderStatus } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { supplier: supplierMatch(q.q) }] } : {}),
  };
  const total = await db.purchaseOrder.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, scope.pageSize ?? SRM_PAGE_SIZE);
  const rows = await db.purchaseOrder.findMany({
    where,
    orderBy: NEWEST_FIRST,
    skip,
    take,
    include: {
      supplier: { select: { code: true, name: true } },
      lines: { select: { quantity: true, confirmedQuantity: true, receivedQuantity: true } },
      _count: { select: { deliveryPlans: true } },
    },
  });
  const sum = (xs: unknown[]) => xs.reduce<number>((n, x) => n + Number(x ?? 0), 0);
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
      ordered: sum(o.lines.map((l) => l.quantity)),
      confirmed: o.lines.some((l) => l.confirmedQuantity !== null) ? sum(o.lines.map((l) => l.confirmedQuantity)) : null,
      received: sum(o.lines.map((l) => l.receivedQuantity)),
      deliveries: o._count.deliveryPlans,
    })),
    total,
    page,
    pageCount,
  };
}

/** Delivery plans, newest first: plan and order number, supplier, status, planned and shipped dates, waybill, receipts. */
export async function listDeliveryPlans(db: Db, who: Actor, q: SrmListQuery, scope: ListScope = {}) {
  requirePermission(who, "srm.view");
  const where: Prisma.DeliveryPlanWhereInput = {
    ...(scope.supplierId ? { supplierId: scope.supplierId } : {}),
    ...(q.status !== "all" ? { status: q.status as PlanStatus } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { order: { number: { contains: q.q, mode: "insensitive" } } }, { supplier: supplierMatch(q.q) }] } : {}),
  };
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
      lines: { select: { quantity: true } },
      receipts: { select: { number: true, erpId: true }, orderBy: { createdAt: "asc" } },
    },
  });
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
      quantity: p.lines.reduce((n, l) => n + Number(l.quantity), 0),
      lines: p.lines.length,
      revision: p.revision,
      receipts: p.receipts.map((r) => ({ number: r.number, posted: !!r.erpId })),
    })),
    total,
    page,
    pageCount,
  };
}
