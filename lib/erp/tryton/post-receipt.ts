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
// there instead of the warehouse's storage zone. A receipt with nothing accepted
// writes nothing to Tryton and returns erpId "" (repeated, as nothing was written).

async function finish(rpc: TrytonRpc, id: number, state: string, locations: Map<number, number>): Promise<void> {
  if (state === "draft") await rpc.model("stock.shipment.in", "receive", [id]);
  if (state === "draft" || state === "received") {
    if (locations.size) {
      const [s] = await rpc.model<Row[]>("stock.shipment.in", "read", [id], ["inventory_moves"]);
      const inv = await rpc.model<Row[]>("stock.move", "read", s.inventory_moves as number[], ["origin", "state"]);
      const writes: unknown[] = [];
      for (const m of inv) {
        const target = locations.get(Number(String(m.origin ?? "").replace(/^stock\.move,/, "")));
        if (target && m.state === "draft") writes.push([m.id], { to_location: target });
      }
      if (writes.length) await rpc.model("stock.move", "write", ...writes);
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

export async function postGoodsReceipt(rpc: TrytonRpc, input: GoodsReceiptInput): Promise<ErpWriteResult> {
  const accepted = input.lines.filter((l) => l.acceptedQuantity > 0);
  // Nothing accepted: nothing enters Tryton's stock, so no shipment (the open moves stay).
  if (!accepted.length) return { erpId: "", repeated: true };

  // Receipt numbers are unique per app database only: the order narrows the search.
  const domain = [["reference", "=", input.receiptNumber], ["moves.purchase", "=", Number(input.orderErpId)]];
  const [existing] = await rpc.model<Row[]>("stock.shipment.in", "search_read", domain, 0, 1, [["id", "ASC"]], ["state"]);
  if (existing?.state === "done") return { erpId: String(existing.id), repeated: true };
  if (existing?.state === "cancelled") throw new ErpError(`Tryton shipment for receipt ${input.receiptNumber} was cancelled in Tryton`, false);

  const codes = [...new Set(accepted.map((l) => l.locationCode).filter((c): c is string => !!c))];
  const locByCode = new Map(await Promise.all(codes.map(async (c) => [c, await locationFor(rpc, c)] as const)));

  if (existing) {
    // Crashed between creating the shipment and finishing it: same moves, finish them.
    const [s] = await rpc.model<Row[]>("stock.shipment.in", "read", [existing.id], ["incoming_moves"]);
    const moves = await rpc.model<Row[]>("stock.move", "read", s.incoming_moves as number[], ["origin"]);
    const locations = new Map<number, number>();
    for (const m of moves) {
      const line = accepted.find((l) => `purchase.line,${l.lineErpId}` === m.origin);
      if (line?.locationCode) locations.set(m.id, locByCode.get(line.locationCode)!);
    }
    await finish(rpc, existing.id, String(existing.state), locations);
    return { erpId: String(existing.id), repeated: false };
  }

  const [po] = await rpc.model<Row[]>("purchase.purchase", "search_read", [["id", "=", Number(input.orderErpId)]], 0, 1, null, ["state", "party", "company", "warehouse", "number"]);
  if (!po) throw new ErpError(`Tryton has no purchase ${input.orderErpId}`, false);
  if (!["processing", "done"].includes(String(po.state))) throw new ErpError(`Tryton purchase ${po.number ?? po.id} is ${String(po.state)}, not confirmed: nothing to receive`, false);

  const origins = accepted.map((l) => `purchase.line,${l.lineErpId}`);
  const open = await rpc.model<Row[]>("stock.move", "search_read", [["origin", "in", origins], ["state", "=", "draft"], ["shipment", "=", null]], 0, null, [["id", "ASC"]], ["origin", "quantity"]);
  const day = date(input.receivedAt.slice(0, 10));
  const writes: unknown[] = [];
  const moveIds: number[] = [];
  const locations = new Map<number, number>();
  for (const l of accepted) {
    const move = open.find((m) => m.origin === `purchase.line,${l.lineErpId}`);
    if (!move) throw new ErpError(`Tryton purchase ${po.number ?? po.id} line ${l.lineErpId} has nothing left to receive`, false);
    writes.push([move.id], { quantity: l.acceptedQuantity, effective_date: day });
    moveIds.push(move.id);
    if (l.locationCode) locations.set(move.id, locByCode.get(l.locationCode)!);
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
  await finish(rpc, id, "draft", locations);
  return { erpId: String(id), repeated: false };
}
