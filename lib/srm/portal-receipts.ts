import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { countedPage } from "../paging/page-window";
import { PORTAL_PAGE_SIZE, type PortalListQuery } from "./portal-lists.schema";
import { unitLabels } from "./unit-labels";

/** The receipt list's one status filter: receipts with a rejected quantity. */
export const RECEIPT_FILTERS = ["rejected"] as const;

/** The supplier's receipts the query selects: its orders' only, `q` a receipt, order or plan number. */
export function portalReceiptWhere(supplierId: string, q: Pick<PortalListQuery, "status" | "q">): Prisma.GoodsReceiptWhereInput {
  return {
    supplierId,
    ...(q.status === "rejected" ? { lines: { some: { rejectedQuantity: { gt: 0 } } } } : {}),
    ...(q.q
      ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { order: { number: { contains: q.q, mode: "insensitive" } } }, { deliveryPlan: { number: { contains: q.q, mode: "insensitive" } } }] }
      : {}),
  };
}

export const RECEIPT_SELECT = {
  id: true,
  number: true,
  receivedAt: true,
  order: { select: { id: true, number: true } },
  deliveryPlan: { select: { number: true } },
  lines: { select: { acceptedQuantity: true, rejectedQuantity: true, orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } } } },
} satisfies Prisma.GoodsReceiptSelect;

export const RECEIPTS_NEWEST_FIRST = [{ receivedAt: "desc" as const }, { id: "asc" as const }];

type ReceiptRow = Prisma.GoodsReceiptGetPayload<{ select: typeof RECEIPT_SELECT }>;

/** Per receipt line: received = accepted + rejected (what arrived), as the warehouse booked it. */
export async function describeReceipts(db: Db, rows: ReceiptRow[]) {
  const unit = await unitLabels(db, rows.flatMap((r) => r.lines.map((l) => l.orderLine.unitCode)));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    receivedAt: r.receivedAt,
    order: r.order,
    planNumber: r.deliveryPlan?.number ?? null,
    lines: r.lines
      .map((l) => {
        const accepted = Number(l.acceptedQuantity);
        const rejected = Number(l.rejectedQuantity);
        return { lineNo: l.orderLine.lineNo, productCode: l.orderLine.productCode, description: l.orderLine.description, unit: unit(l.orderLine.unitCode), received: accepted + rejected, accepted, rejected };
      })
      .sort((a, b) => a.lineNo - b.lineNo),
  }));
}

/**
 * The receipt library for reconciliation (SRM-9/10): the signed-in supplier's goods
 * receipts, newest first, each line's received, accepted and rejected quantity. Filters:
 * only those with a rejected quantity, a number. The supplier comes from the session.
 */
export async function listPortalReceipts(db: Db, who: Actor | null, q: PortalListQuery, pageSize = PORTAL_PAGE_SIZE) {
  const { supplierId } = requireSupplierUser(who);
  const where = portalReceiptWhere(supplierId, q);
  const { rows, total, page, pageCount } = await countedPage(
    () => db.goodsReceipt.count({ where }),
    (skip, take) => db.goodsReceipt.findMany({ where, orderBy: RECEIPTS_NEWEST_FIRST, skip, take, select: RECEIPT_SELECT }),
    q.page,
    pageSize,
  );
  return { rows: await describeReceipts(db, rows), total, page, pageCount };
}

export type PortalReceiptRow = Awaited<ReturnType<typeof describeReceipts>>[number];
