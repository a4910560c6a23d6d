import "server-only";
import { ErpError, type ErpWriteResult, type PurchaseConfirmationInput } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";
import { date } from "./tryton-json";

// The supplier's confirmation written to a quoted Tryton purchase, then Tryton's own
// "confirm" (which creates the incoming moves). The purchase state is the idempotency
// record: confirmed/processing/done means an earlier attempt got through.
//
// What Tryton keeps:
// - supplierRef -> purchase.reference (writable in every state);
// - confirmedDate -> the line's own delivery date (delivery_date_edit + delivery_date_store);
// - confirmedQuantity -> the line quantity. Tryton lets quantities change only in
//   draft, so when the supplier confirms other quantities the purchase goes back to
//   draft, gets the quantities and is quoted again before it is confirmed, as a buyer
//   would do in Tryton. Each step is its own transaction; a crash in between leaves the
//   purchase in draft or quotation and a repeat carries on from there.

const DONE = new Set(["confirmed", "processing", "done"]);

export async function confirmPurchaseOrder(rpc: TrytonRpc, input: PurchaseConfirmationInput): Promise<ErpWriteResult> {
  const id = Number(input.orderErpId);
  const [po] = await rpc.model<Row[]>("purchase.purchase", "search_read", [["id", "=", id]], 0, 1, null, ["state", "reference", "lines", "number"]);
  if (!po) throw new ErpError(`Tryton has no purchase ${input.orderErpId} (${input.orderNumber})`, false);
  const state = String(po.state);
  if (DONE.has(state)) return { erpId: String(id), repeated: true };
  if (state === "cancelled") throw new ErpError(`Tryton purchase ${po.number ?? id} is cancelled; it cannot be confirmed`, false);

  const lines = await rpc.model<Row[]>("purchase.line", "read", po.lines as number[], ["quantity", "type", "delivery_date_store", "delivery_date_edit"]);
  const byId = new Map(lines.map((l) => [String(l.id), l]));
  for (const l of input.lines) {
    if (!byId.has(l.lineErpId)) throw new ErpError(`line ${l.lineErpId} is not on Tryton purchase ${po.number ?? id}`, false);
  }

  const qtyChanges = input.lines.filter((l) => Number(byId.get(l.lineErpId)!.quantity) !== l.confirmedQuantity);
  if (qtyChanges.length && state === "quotation") await rpc.model("purchase.purchase", "draft", [id]);
  const lineWrites: unknown[] = [];
  for (const l of input.lines) {
    const values: Record<string, unknown> = {};
    if (qtyChanges.includes(l)) values.quantity = l.confirmedQuantity;
    if (l.confirmedDate) Object.assign(values, { delivery_date_edit: true, delivery_date_store: date(l.confirmedDate) });
    if (Object.keys(values).length) lineWrites.push([Number(l.lineErpId)], values);
  }
  if (lineWrites.length) await rpc.model("purchase.line", "write", ...lineWrites);
  if (input.supplierRef && po.reference !== input.supplierRef) {
    await rpc.model("purchase.purchase", "write", [id], { reference: input.supplierRef });
  }
  if (qtyChanges.length || state === "draft") await rpc.model("purchase.purchase", "quote", [id]);
  await rpc.model("purchase.purchase", "confirm", [id]);
  return { erpId: String(id), repeated: false };
}
