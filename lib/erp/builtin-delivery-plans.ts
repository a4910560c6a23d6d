import "server-only";
import type { Db } from "../db/client";
import type { ErpDeliveryPlan, PurchaseConfirmationInput } from "./connector";

// The built-in "ERP" plans one delivery per order confirmation it recorded and
// confirmed date (lines confirmed on days of their own are delivered apart, as Tryton
// plans its moves per date): the confirmed quantities on the confirmed dates. Its plans
// are read from the integration ledger, after the (createdAt, id) of the last one handed out.

const HANDLER = "erp.confirmPurchaseOrder";

type LedgerRow = { id: string; createdAt: Date; payload: unknown };

/** The confirmation's plans, earliest date first; the first keeps the id a confirmation on one date always had (plan:<ledger id>). */
function toPlans(row: LedgerRow): ErpDeliveryPlan[] {
  const { erpId, input } = row.payload as { erpId: string; input: PurchaseConfirmationInput };
  // A line confirmed with nothing is not delivered; a line without a date goes with the earliest.
  const lines = input.lines.filter((l) => l.confirmedQuantity > 0);
  const dates = [...new Set(lines.map((l) => l.confirmedDate).filter((d): d is string => !!d))].sort();
  const groups = dates.length ? dates : [null];
  return groups.map((date, i) => ({
    erpId: i === 0 ? `plan:${row.id}` : `plan:${row.id}:${date}`,
    orderErpId: erpId,
    plannedDate: date,
    lines: lines
      .filter((l) => (l.confirmedDate ?? groups[0]) === date)
      .map((l) => ({ erpId: `${row.id}/${l.lineErpId}`, orderLineErpId: l.lineErpId, quantity: l.confirmedQuantity, plannedDate: l.confirmedDate })),
    writeAt: row.createdAt.toISOString(),
  }));
}

export async function pollBuiltinPlans(db: Db, cursor: string | null, limit: number) {
  const [at, id] = cursor ? cursor.split("|") : [];
  const after = at ? { OR: [{ createdAt: { gt: new Date(at) } }, { createdAt: new Date(at), id: { gt: id } }] } : {};
  const rows = await db.integrationLedger.findMany({ where: { handler: HANDLER, ...after }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit });
  const last = rows.at(-1);
  // One plan per confirmation: nothing says which others are still open.
  return { plans: rows.flatMap(toPlans), cursor: last ? `${last.createdAt.toISOString()}|${last.id}` : cursor, ordersInFull: [] };
}

export async function readBuiltinPlan(db: Db, erpId: string): Promise<ErpDeliveryPlan | null> {
  const id = /^plan:([^:]+)/.exec(erpId)?.[1];
  if (!id) return null;
  const row = await db.integrationLedger.findFirst({ where: { id, handler: HANDLER } });
  return row ? (toPlans(row).find((p) => p.erpId === erpId) ?? null) : null;
}
