import "server-only";
import { ErpError, type ErpWriteResult, type GoodsReceiptInput } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";
import { date } from "./tryton-json";

// A goods receipt as a Tryton supplier shipment (stock.shipment.in) whose reference
// is the app's receipt number: a repeat finds it and finishes or returns it.
//
// Quantities: each line's open incoming move (created by Tryton when the purchase was
// confirmed) is set to the ACCEPTED quantity and received. Rejected goods never enter
// Tryton's stock; Tryton's purchase processing then re-creates a draft move for what
// is still missing (ordered - accepted), so the rest stays open on the purchase for a
// replacement delivery, or for the buyer to cancel ("handle shipment exception").
// A line's locationCode (a storage location or a warehouse code) sends the goods
// there instead of the warehouse's storage zone; an order line may come several times,
// once per location its lots were put away in (its incoming move takes their sum). A receipt with nothing accepted
// writes nothing to Tryton and returns erpId "" (repeated, as nothing was written).

/** Where an order line's accepted goods go: per storage location (null: the warehouse's storage zone), how many. */
type Split = { to: number | null; quantity: number }[];

/**
 * Receives a draft shipment and finishes it. The inventory move Tryton makes per incoming
 * move goes to the line's location; a line put away in several locations has its
 * inventory move split, one per location (a move already split, by a run that crashed
 * before done, is left as it is).
 */
async function finish(rpc: TrytonRpc, id: number, state: string, splits: Map<number, Split>): Promise<void> {
  if (state === "draft") await rpc.model("stock.shipment.in", "receive", [id]);
  if (state === "draft" || state === "received") {
    if (splits.size) {
      const [s] = await rpc.model<Row[]>("stock.shipment.in", "read", [id], ["inventory_moves"]);
      const inv = await rpc.model<Row[]>("stock.move", "read", s.inventory_moves as number[], ["origin", "state", "to_location"]);
      const byOrigin = new Map<number, Row[]>();
      for (const m of inv) {
        const origin = Number(String(m.origin ?? "").replace(/^stock\.move,/, ""));
        byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), m]);
      }
      const writes: unknown[] = [];
      const copies: [number, Record<string, unknown>][] = [];
      for (const [origin, parts] of splits) {
        const moves = byOrigin.get(origin) ?? [];
        if (moves.length !== 1 || moves[0].state !== "draft") continue;
        const [m] = moves;
        const [first, ...rest] = parts;
        const values: Record<string, unknown> = {};
        if (rest.length) values.quantity = first.quantity;
        if (first.to) values.to_location = first.to;
        if (Object.keys(values).length) writes.push([m.id], values);
        for (const p of rest) copies.push([m.id, { quantity: p.quantity, to_location: p.to ?? m.to_location }]);
      }
      if (writes.length) await rpc.model("stock.move", "write", ...writes);
      for (const [moveId, values] of copies) await rpc.model("stock.move", "copy", [moveId], values);
    }
    await rpc.model("stock.shipment.in", "done", [id]);
  }
}

async function locationFor(rpc: TrytonRpc, code: string): Promise<number> {
  const [loc] = await rpc.model<Row[]>("stock.location", "search_read", [["code", "=", code]], 0, 1, null, ["type", "storage_location"]);
  if (!loc) throw new ErpError(`Tryton has no location "${code}"`, false);
  if (loc.type === "warehouse") return Number(loc.storage_location);
  if (loc.type !== "storage") throw new ErpError(`Tryton location "${code}" is a ${String(loc.type)} location, not a storage location`, false);
  return loc.id;
}

/** The receipt's accepted lines per order line: the sum, and where each part goes. */
function perLine(lines: GoodsReceiptInput["lines"]) {
  const out = new Map<string, { quantity: number; parts: { code: string | null; quantity: number }[] }>();
  for (const l of lines) {
    if (l.acceptedQuantity <= 0) continue;
    const o = out.get(l.lineErpId) ?? { quantity: 0, parts: [] };
    o.quantity += l.acceptedQuantity;
    o.parts.push({ code: l.locationCode, quantity: l.acceptedQuantity });
    out.set(l.lineErpId, o);
  }
  return out;
}

export async function postGoodsReceipt(rpc: TrytonRpc, input: GoodsReceiptInput): Promise<ErpWriteResult> {
  const accepted = perLine(input.lines);
  // Nothing accepted: nothing enters Tryton's stock, so no shipment (the open moves stay).
  if (!accepted.size) return { erpId: "", repeated: true };

  // Receipt numbers are unique per app database only: the order narrows the search.
  const domain = [["reference", "=", input.receiptNumber], ["moves.purchase", "=", Number(input.orderErpId)]];
  const [existing] = await rpc.model<Row[]>("stock.shipment.in", "search_read", domain, 0, 1, [["id", "ASC"]], ["state"]);
  if (existing?.state === "done") return { erpId: String(existing.id), repeated: true };
  if (existing?.state === "cancelled") throw new ErpError(`Tryton shipment for receipt ${input.receiptNumber} was cancelled in Tryton`, false);

  const codes = [...new Set([...accepted.values()].flatMap((l) => l.parts.map((p) => p.code)).filter((c): c is string => !!c))];
  const locByCode = new Map(await Promise.all(codes.map(async (c) => [c, await locationFor(rpc, c)] as const)));
  const splitOf = (lineErpId: string): Split | null => {
    const parts = accepted.get(lineErpId)!.parts.map((p) => ({ to: p.code ? locByCode.get(p.code)! : null, quantity: p.quantity }));
    return parts.length > 1 || parts[0].to ? parts : null;
  };
  const lineOf = (origin: unknown) => [...accepted.keys()].find((k) => `purchase.line,${k}` === origin);

  if (existing) {
    // Crashed between creating the shipment and finishing it: same moves, finish them.
    const [s] = await rpc.model<Row[]>("stock.shipment.in", "read", [existing.id], ["incoming_moves"]);
    const moves = await rpc.model<Row[]>("stock.move", "read", s.incoming_moves as number[], ["origin"]);
    const splits = new Map<number, Split>();
    for (const m of moves) {
      const line = lineOf(m.origin);
      const split = line ? splitOf(line) : null;
      if (split) splits.set(m.id, split);
    }
    await finish(rpc, existing.id, String(existing.state), splits);
    return { erpId: String(existing.id), repeated: false };
  }

  const [po] = await rpc.model<Row[]>("purchase.purchase", "search_read", [["id", "=", Number(input.orderErpId)]], 0, 1, null, ["state", "party", "company", "warehouse", "number"]);
  if (!po) throw new ErpError(`Tryton has no purchase ${input.orderErpId}`, false);
  if (!["processing", "done"].includes(String(po.state))) throw new ErpError(`Tryton purchase ${po.number ?? po.id} is ${String(po.state)}, not confirmed: nothing to receive`, false);

  const origins = [...accepted.keys()].map((k) => `purchase.line,${k}`);
  const open = await rpc.model<Row[]>("stock.move", "search_read", [["origin", "in", origins], ["state", "=", "draft"], ["shipment", "=", null]], 0, null, [["id", "ASC"]], ["origin", "quantity"]);
  const day = date(input.receivedAt.slice(0, 10));
  const writes: unknown[] = [];
  const moveIds: number[] = [];
  const splits = new Map<number, Split>();
  for (const [lineErpId, l] of accepted) {
    const move = open.find((m) => m.origin === `purchase.line,${lineErpId}`);
    if (!move) throw new ErpError(`Tryton purchase ${po.number ?? po.id} line ${lineErpId} has nothing left to receive`, false);
    writes.push([move.id], { quantity: l.quantity, effective_date: day });
    moveIds.push(move.id);
    const split = splitOf(lineErpId);
    if (split) splits.set(move.id, split);
  }
  await rpc.model("stock.move", "write", ...writes);
  const [id] = await rpc.model<number[]>("stock.shipment.in", "create", [{
    reference: input.receiptNumber,
    supplier: po.party,
    company: po.company,
    warehouse: po.warehouse,
    effective_date: day,
    incoming_moves: [["add", moveIds]],
  }]);
  await finish(rpc, id, "draft", splits);
  return { erpId: String(id), repeated: false };
}
