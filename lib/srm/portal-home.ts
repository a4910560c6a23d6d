import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import { portalExpiringDocuments } from "./certificates/list-supplier-documents";
import { onTimeRateOf } from "./on-time-delivery";
import { portalDeliveriesDue } from "./portal-deliveries";
import { listPortalDocuments } from "./portal-documents";
import { listPortalOrders } from "./portal-orders";
import { listPortalReceipts } from "./portal-receipts";
import { listPortalChanges } from "./supplier-change/portal-changes";
import { listPortalReturns } from "./receiving/portal-returns";
import { unitLabels, type UnitLabel } from "./unit-labels";

const HOME_ROWS = 5;
const FIRST = { q: "", page: 1 };

export type AcceptanceRate = { unit: UnitLabel; accepted: number; received: number; rate: number | null };

/**
 * The quality acceptance rule (said the same way on the screen): accepted quantity ÷
 * received quantity (accepted + rejected) over all the supplier's goods receipts, per
 * unit, since quantities of different units are never added together.
 */
async function acceptanceRates(db: Db, supplierId: string): Promise<AcceptanceRate[]> {
  const lines = await db.goodsReceiptLine.findMany({
    where: { receipt: { order: { supplierId } } },
    select: { acceptedQuantity: true, rejectedQuantity: true, orderLine: { select: { unitCode: true } } },
  });
  const sums = new Map<string, { accepted: number; received: number }>();
  for (const l of lines) {
    const s = sums.get(l.orderLine.unitCode) ?? { accepted: 0, received: 0 };
    s.accepted += Number(l.acceptedQuantity);
    s.received += Number(l.acceptedQuantity) + Number(l.rejectedQuantity);
    sums.set(l.orderLine.unitCode, s);
  }
  const unit = await unitLabels(db, [...sums.keys()]);
  return [...sums].map(([code, s]) => ({ unit: unit(code), ...s, rate: s.received > 0 ? s.accepted / s.received : null }));
}

/**
 * What needs the supplier, for its portal home: orders waiting for its confirmation,
 * planned deliveries soonest first (overdue marked), recent receipts with a rejected
 * quantity, goods being returned to it (rejected at inspection), its latest documents, its data change requests under review, its documents expiring, and its own figures (on-time delivery as the archive
 * judges it, quality acceptance). Every part is scoped to the session's supplier.
 */
export async function getPortalHome(db: Db, who: Actor | null) {
  const actor = requireSupplierUser(who);
  const [orders, deliveries, receipts, returns, documents, onTime, acceptance, changes, expiring] = await Promise.all([
    listPortalOrders(db, actor, { ...FIRST, status: "open" }, HOME_ROWS),
    portalDeliveriesDue(db, actor.supplierId, HOME_ROWS),
    listPortalReceipts(db, actor, { ...FIRST, status: "rejected" }, HOME_ROWS),
    listPortalReturns(db, actor, { ...FIRST, status: "all" }, HOME_ROWS),
    listPortalDocuments(db, actor, FIRST, HOME_ROWS),
    onTimeRateOf(db, actor.supplierId),
    acceptanceRates(db, actor.supplierId),
    listPortalChanges(db, actor, { pending: true, take: HOME_ROWS }),
    portalExpiringDocuments(db, actor.supplierId),
  ]);
  return {
    orders: { rows: orders.rows, total: orders.total },
    deliveries,
    receipts: { rows: receipts.rows, total: receipts.total },
    returns: { rows: returns.rows, total: returns.total },
    documents: { rows: documents.rows, total: documents.total },
    onTime,
    acceptance,
    changes,
    expiring,
  };
}

export type PortalHome = Awaited<ReturnType<typeof getPortalHome>>;
