import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { pageWindow } from "../../paging/page-window";
import type { ReceiptQuery } from "./receipts.schema";

const PAGE_SIZE = 20;
const DAY_MS = 86_400_000;
/** A day of the factory's calendar (Beijing time) as its first instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The receipt library's filter, shared by the list and its Excel export. */
export function receiptWhere(q: ReceiptQuery): Prisma.GoodsReceiptWhereInput {
  const received = { ...(q.from ? { gte: dayStart(q.from) } : {}), ...(q.to ? { lt: new Date(dayStart(q.to).getTime() + DAY_MS) } : {}) };
  return {
    ...(q.supplier ? { order: { supplierId: q.supplier } } : {}),
    ...(q.order ? { order: { ...(q.supplier ? { supplierId: q.supplier } : {}), number: { contains: q.order, mode: "insensitive" } } } : {}),
    ...(q.q ? { number: { contains: q.q, mode: "insensitive" } } : {}),
    ...(q.from || q.to ? { receivedAt: received } : {}),
  };
}

/**
 * The receipt library (收货单, SRM-9) for purchasing, the warehouse and quality: every
 * goods receipt, newest first, with its supplier, order, delivery plan, how many lines
 * and lots it has and how many with a rejected part, and whether the ERP has it. Filters: supplier, order
 * number, receipt number, receipt days.
 */
export async function listReceipts(db: Db, who: Actor, q: ReceiptQuery) {
  requirePermission(who, "srm.view");
  const where = receiptWhere(q);
  const total = await db.goodsReceipt.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, PAGE_SIZE);
  const [rows, suppliers] = await Promise.all([
    db.goodsReceipt.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      skip,
      take,
      select: {
        id: true,
        number: true,
        receivedAt: true,
        erpId: true,
        order: { select: { id: true, number: true, supplier: { select: { code: true, name: true } } } },
        deliveryPlan: { select: { number: true } },
        lines: { select: { orderLineId: true, rejectedQuantity: true, lotNumber: true } },
      },
    }),
    db.supplier.findMany({ where: { purchaseOrders: { some: { receipts: { some: {} } } } }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      receivedAt: r.receivedAt,
      posted: !!r.erpId,
      order: { id: r.order.id, number: r.order.number },
      supplier: r.order.supplier,
      planNumber: r.deliveryPlan?.number ?? null,
      // Counts, not quantities: the lines' units differ and are never added together.
      lines: new Set(r.lines.map((l) => l.orderLineId)).size,
      lots: r.lines.filter((l) => l.lotNumber).length,
      rejectedLines: r.lines.filter((l) => Number(l.rejectedQuantity) > 0).length,
    })),
    suppliers,
    total,
    page,
    pageCount,
  };
}

export type ReceiptListRow = Awaited<ReturnType<typeof listReceipts>>["rows"][number];
