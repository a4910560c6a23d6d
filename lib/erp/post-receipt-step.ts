import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { nextBusinessKey } from "../workflow/business-key";
import { now } from "../workflow/clock";
import type { ServiceContext } from "../workflow/service-handler";
import type { GoodsReceiptInput } from "./connector";
import { faultAfterSend } from "./fault";
import { getConnector } from "./get-connector";
import { withSyncLog } from "./sync-log";

/** An order line (id) as expected in this receipt; `key` is the delivery-plan line it comes from. */
type Line = { id: string; lineNo: number; quantity: unknown; receivedQuantity: unknown; rejectedQuantity: unknown; key?: string };

/**
 * The older receipt form (goods_receipt) gives totals: they are spread over the lines
 * in order, each line up to its open quantity, the rest on the last line.
 */
function spreadQuantities(lines: Line[], accepted: number, rejected: number) {
  let a = accepted;
  let r = rejected;
  const out = lines.map((l, i) => {
    const last = i === lines.length - 1;
    const open = Math.max(0, Number(l.quantity) - Number(l.receivedQuantity) - Number(l.rejectedQuantity));
    const take = last ? a : Math.min(a, open);
    a -= take;
    const takeR = last ? r : Math.min(r, Math.max(0, open - take));
    r -= takeR;
    return { orderLineId: l.id, acceptedQuantity: take, rejectedQuantity: takeR };
  });
  return nonEmptyOrFirst(out);
}

type ReceiptLine = { orderLineId: string; acceptedQuantity: number; rejectedQuantity: number; locationCode?: string | null; binCode?: string | null; lotNumber?: string | null; shipmentLotId?: string | null };

function nonEmptyOrFirst(lines: ReceiptLine[]) {
  const nonEmpty = lines.filter((x) => x.acceptedQuantity > 0 || x.rejectedQuantity > 0);
  return nonEmpty.length ? nonEmpty : lines.slice(0, 1);
}

/**
 * The receipt's lines from the warehouse's form: per delivery-plan line where the form
 * gave quantities per line (delivery_receipt), else its totals spread (goods_receipt).
 */
function receiptLines(expected: Line[], variables: Record<string, unknown>): ReceiptLine[] {
  const perLine = variables.acceptedQuantities;
  if (perLine && typeof perLine === "object" && expected.every((l) => l.key)) {
    const accepted = perLine as Record<string, unknown>;
    const rejected = (variables.rejectedQuantities ?? {}) as Record<string, unknown>;
    return nonEmptyOrFirst(expected.map((l) => ({ orderLineId: l.id, acceptedQuantity: Number(accepted[l.key!] ?? 0) || 0, rejectedQuantity: Number(rejected[l.key!] ?? 0) || 0 })));
  }
  return spreadQuantities(expected, Number(variables.acceptedQuantity ?? 0) || 0, Number(variables.rejectedQuantity ?? 0) || 0);
}

/**
 * Service task erp.postGoodsReceipt: makes the receipt (once per instance) from the
 * warehouse task's form, then posts it to the ERP with the task's idempotency key and
 * keeps the ERP's shipment id. In the delivery flow the receipt is against the
 * delivery plan (its quantities are what is expected); in the older confirmation
 * flow, which also received, against the order's open quantities.
 */
export async function postReceiptStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const orderId = String(variables.orderId ?? "");
  const po = await db.purchaseOrder.findUnique({ where: { id: orderId }, include: { lines: { orderBy: { lineNo: "asc" } } } });
  if (!po) throw new Error(`purchase order ${orderId} not found`);
  const planId = typeof variables.planId === "string" ? variables.planId : null;
  const expected = planId ? await planLines(db, planId, po.lines) : po.lines;
  const receipt = (await findReceipt(db, ctx.instanceId, po.id)) ?? (await createReceipt(db, ctx, po, expected, planId));

  const byLine = new Map(po.lines.map((l) => [l.id, l]));
  const input: GoodsReceiptInput = {
    orderErpId: po.erpId ?? po.number,
    receiptNumber: receipt.number,
    receivedAt: receipt.receivedAt.toISOString(),
    lines: perOrderLine(receipt.lines).map((rl) => {
      const l = byLine.get(rl.orderLineId)!;
      return { lineErpId: l.erpId ?? `${po.number}/${l.lineNo}`, acceptedQuantity: rl.acceptedQuantity, rejectedQuantity: rl.rejectedQuantity, locationCode: rl.locationCode ?? null };
    }),
  };
  const connector = await getConnector(db);
  for (const l of input.lines) l.locationCode = await erpLocationCode(db, connector.kind, l.locationCode);
  const result = await withSyncLog(db, { connector: connector.kind, direction: "write", operation: "write.postGoodsReceipt", request: input, idempotencyKey: ctx.idempotencyKey }, () =>
    connector.postGoodsReceipt(input, ctx.idempotencyKey),
  );
  faultAfterSend("postGoodsReceipt");
  await db.goodsReceipt.update({ where: { id: receipt.id }, data: { erpId: result.erpId } });
  return { receiptNumber: receipt.number, receiptErpId: result.erpId };
}

/**
 * The ERP receives per order line and location: a line's lots are summed per location
 * they were put away in (one entry each; the ERP's incoming move takes the line's sum),
 * the rejected quantity on the line's first entry (rejected goods are not received; they
 * wait in quarantine for their return).
 */
function perOrderLine(lines: { orderLineId: string; acceptedQuantity: unknown; rejectedQuantity: unknown; locationCode: string | null }[]) {
  const out = new Map<string, { orderLineId: string; acceptedQuantity: number; rejectedQuantity: number; locationCode: string | null }>();
  const first = new Map<string, { rejectedQuantity: number }>();
  for (const l of lines) {
    const accepted = Number(l.acceptedQuantity);
    const key = `${l.orderLineId}\u0000${accepted > 0 ? (l.locationCode ?? "") : ""}`;
    const o = out.get(key) ?? { orderLineId: l.orderLineId, acceptedQuantity: 0, rejectedQuantity: 0, locationCode: accepted > 0 ? l.locationCode : null };
    o.acceptedQuantity += accepted;
    out.set(key, o);
    if (!first.has(l.orderLineId)) first.set(l.orderLineId, o);
    first.get(l.orderLineId)!.rejectedQuantity += Number(l.rejectedQuantity);
  }
  // A line's entry with nothing accepted beside one with accepted goods says nothing more.
  const rows = [...out.values()];
  return rows.filter((r) => r.acceptedQuantity > 0 || r.rejectedQuantity > 0 || !rows.some((x) => x.orderLineId === r.orderLineId && x !== r));
}

/** A delivery received through lots (count, inspection, put-away): one receipt line per lot. */
async function lotLines(db: Db, planId: string): Promise<ReceiptLine[] | null> {
  const lots = await db.shipmentLot.findMany({ where: { planId }, include: { planLine: { select: { orderLineId: true } } }, orderBy: [{ planLineId: "asc" }, { position: "asc" }] });
  if (!lots.length) return null;
  return lots.map((l) => ({
    orderLineId: l.planLine.orderLineId,
    acceptedQuantity: Number(l.acceptedQuantity ?? l.countedQuantity ?? l.shippedQuantity),
    rejectedQuantity: Number(l.rejectedQuantity ?? 0),
    locationCode: l.locationCode,
    binCode: l.binCode,
    lotNumber: l.lotNumber,
    shipmentLotId: l.id,
  }));
}

/**
 * The receipt form offers the app's locations (WH01-IN, ...). An external ERP gets its
 * own code: the mapped location's, or the same code where the ERP has it; otherwise
 * none, and the ERP puts the goods in the warehouse's default storage.
 */
async function erpLocationCode(db: Db, kind: string, local: string | null): Promise<string | null> {
  if (!local || kind === "builtin") return local;
  const mapping = await db.erpMapping.findUnique({ where: { entity_localCode: { entity: "location", localCode: local } } });
  if (mapping) {
    const synced = await db.masterData.findFirst({ where: { kind: "location", erpId: mapping.erpId } });
    return synced?.code ?? null;
  }
  const same = await db.masterData.findFirst({ where: { kind: "location", code: local, erpId: { not: null } } });
  return same ? local : null;
}

function findReceipt(db: Db, instanceId: string, orderId: string) {
  return db.goodsReceipt.findFirst({ where: { instanceId, orderId }, include: { lines: true } });
}

/** The plan's lines in order-line order: what this receipt expects. */
async function planLines(db: Db, planId: string, orderLines: Line[]): Promise<Line[]> {
  const plan = await db.deliveryPlan.findUnique({ where: { id: planId }, include: { lines: true } });
  if (!plan) throw new Error(`delivery plan ${planId} not found`);
  const lineNo = new Map(orderLines.map((l) => [l.id, l.lineNo]));
  return plan.lines
    .map((l) => ({ id: l.orderLineId, key: l.id, lineNo: lineNo.get(l.orderLineId) ?? 0, quantity: l.quantity, receivedQuantity: 0, rejectedQuantity: 0 }))
    .sort((a, b) => a.lineNo - b.lineNo);
}

async function createReceipt(db: Db, ctx: ServiceContext, po: { id: string; supplierId: string }, expected: Line[], planId: string | null) {
  const { variables } = ctx;
  const location = typeof variables.location === "string" ? variables.location : null;
  const worker = await ctx.db.task.findFirst({ where: { instanceId: ctx.instanceId, formKey: { in: ["goods_receipt", "delivery_receipt", "receipt_summary"] }, status: "completed" }, orderBy: { completedAt: "desc" }, select: { completedById: true } });
  const lines = (planId ? await lotLines(db, planId) : null) ?? receiptLines(expected, variables).map((l) => ({ ...l, locationCode: location }));
  const number = await nextBusinessKey(ctx.db, SYSTEM, "goods_receipt");
  return ctx.db.$transaction(async (tx) => {
    const again = await tx.goodsReceipt.findFirst({ where: { instanceId: ctx.instanceId, orderId: po.id }, include: { lines: true } });
    if (again) return again;
    const gr = await tx.goodsReceipt.create({
      data: { number, orderId: po.id, supplierId: po.supplierId, deliveryPlanId: planId, instanceId: ctx.instanceId, receivedAt: now(), receivedById: worker?.completedById ?? null, lines: { create: lines } },
      include: { lines: true },
    });
    for (const l of lines) {
      await tx.purchaseOrderLine.update({ where: { id: l.orderLineId }, data: { receivedQuantity: { increment: l.acceptedQuantity }, rejectedQuantity: { increment: l.rejectedQuantity } } });
    }
    if (planId) await tx.deliveryPlan.update({ where: { id: planId }, data: { status: "received" } });
    // The order is received once every line has what was confirmed (else ordered); until then more deliveries are due.
    const after = await tx.purchaseOrderLine.findMany({ where: { orderId: po.id }, select: { quantity: true, confirmedQuantity: true, receivedQuantity: true } });
    const complete = !planId || after.every((l) => Number(l.receivedQuantity) >= Number(l.confirmedQuantity ?? l.quantity));
    if (complete) await tx.purchaseOrder.update({ where: { id: po.id }, data: { status: "received" } });
    await writeAudit(tx, SYSTEM, { action: "goods_receipt.create", entity: "GoodsReceipt", entityId: gr.id, after: { number, orderId: po.id, deliveryPlanId: planId, lines, location, orderReceived: complete } });
    return gr;
  });
}
