import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext } from "../workflow/service-handler";
import { shanghaiDay } from "./on-time-delivery";

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * The day proposed for each line: the proposal's date per line (proposedDates), else
 * the one date for the whole order that proposals made before per-line dates carry.
 */
function proposedDayOf(variables: Record<string, unknown>): (lineId: string) => string | null {
  const perLine = (variables.proposedDates ?? {}) as Record<string, unknown>;
  const whole = text(variables.proposedDate);
  return (lineId) => text(perLine[lineId]) ?? whole;
}

/**
 * Service task srm.recordOrderProposal: the supplier proposed other quantities and
 * delivery dates, per line (po_confirmation, response "propose"). Audits the proposal
 * and gives purchasing's review step `proposalLines` to read: per line the proposed
 * quantity beside the ordered one and the proposed date beside the requested one.
 * Nothing on the order changes until purchasing accepts (erp.confirmPurchaseOrder then
 * confirms it, each line on its own date).
 */
export async function recordOrderProposalStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const orderId = String(variables.orderId ?? "");
  const po = await db.purchaseOrder.findUnique({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } } } });
  if (!po) throw new Error(`purchase order ${orderId} not found`);
  const given = (variables.proposedQuantities ?? {}) as Record<string, unknown>;
  const dayOf = proposedDayOf(variables);
  const proposalLines = po.lines.map((l) => ({
    key: l.id,
    label: `${l.lineNo}. ${l.productCode} ${l.description}`,
    quantity: typeof given[l.id] === "number" ? (given[l.id] as number) : Number(l.quantity),
    unit: l.unitCode,
    was: Number(l.quantity),
    date: dayOf(l.id),
    wasDate: l.requestedDate ? shanghaiDay(l.requestedDate) : null,
  }));
  const days = new Set(proposalLines.map((l) => l.date));
  await db.$transaction(async (tx) => {
    await writeAudit(tx, SYSTEM, {
      action: "purchase_order.propose",
      entity: "PurchaseOrder",
      entityId: po.id,
      before: { status: po.status },
      after: {
        // One date for the whole order when every line has the same.
        proposedDate: days.size === 1 ? proposalLines[0].date : null,
        note: text(variables.proposalNote),
        quantities: po.lines.map((l, i) => ({ lineNo: l.lineNo, ordered: Number(l.quantity), proposed: proposalLines[i].quantity, date: proposalLines[i].date })),
      },
    });
  });
  return { proposalLines };
}
