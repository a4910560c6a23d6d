import "server-only";
import { ErpError, type ErpPurchaseOrder } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import { rel, type Row } from "./tryton-lookups";
import { dateTime, writeAt } from "./tryton-json";

// Purchase orders reach the app when Tryton's buyer quotes them (state "quotation":
// sent to the supplier, waiting for the confirmation). The cursor is the last
// (write_date, id) handed out, kept with Tryton's microseconds so that nothing is
// read twice or skipped when several orders share a timestamp.

const HEAD = ["number", "state", "purchase_date", "create_date", "write_date", "party.code", "party.name", "currency.code", "lines"];
const LINE = ["sequence", "type", "product.code", "description", "quantity", "unit.symbol", "unit_price", "delivery_date"];

type Cursor = { t: string; id: number };

function decodeCursor(cursor: string | null): Cursor | null {
  if (!cursor) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d+)$/.exec(cursor);
  if (!m) throw new ErpError("invalid Tryton purchase cursor", false, { cursor });
  return { t: m[1], id: Number(m[2]) };
}

async function toOrders(rpc: TrytonRpc, heads: Row[]): Promise<ErpPurchaseOrder[]> {
  const lineIds = heads.flatMap((h) => h.lines as number[]);
  const lines = lineIds.length ? await rpc.model<Row[]>("purchase.line", "read", lineIds, LINE) : [];
  const byId = new Map(lines.map((l) => [l.id, l]));
  return heads.map((h) => {
    const own = (h.lines as number[])
      .map((id) => byId.get(id)!)
      .filter((l) => l && l.type === "line" && rel(l, "product"))
      .sort((a, b) => Number(a.sequence ?? 0) - Number(b.sequence ?? 0) || a.id - b.id);
    const party = rel(h, "party") ?? {};
    return {
      erpId: String(h.id),
      number: String(h.number ?? h.id),
      supplier: { erpId: String(party.id ?? ""), code: String(party.code ?? ""), name: String(party.name ?? "") },
      currencyCode: (rel(h, "currency")?.code as string | undefined) ?? null,
      orderDate: (h.purchase_date as string | null) ?? null,
      lines: own.map((l, i) => ({
        erpId: String(l.id),
        lineNo: i + 1,
        productCode: String(rel(l, "product")?.code ?? ""),
        description: String(l.description ?? ""),
        quantity: Number(l.quantity),
        unitCode: String(rel(l, "unit")?.symbol ?? ""),
        unitPrice: Number(l.unit_price ?? 0),
        requestedDate: (l.delivery_date as string | null) ?? null,
      })),
      writeAt: writeAt(h.write_date as string | null, h.create_date as string | null),
    };
  });
}

export async function pollPurchaseOrders(rpc: TrytonRpc, cursor: string | null, limit: number): Promise<{ orders: ErpPurchaseOrder[]; cursor: string | null }> {
  const c = decodeCursor(cursor);
  const domain: unknown[] = [["state", "=", "quotation"]];
  if (c) {
    const t = dateTime(c.t);
    domain.push(["OR", [["write_date", ">", t]], [["write_date", "=", t], ["id", ">", c.id]], [["write_date", "=", null], ["create_date", ">", t]]]);
  }
  // quote() writes the state, so every quotation has a write_date; NULLS FIRST only
  // matters for orders created directly in state quotation through RPC.
  const heads = await rpc.model<Row[]>("purchase.purchase", "search_read", domain, 0, limit, [["write_date", "ASC NULLS FIRST"], ["id", "ASC"]], HEAD);
  if (!heads.length) return { orders: [], cursor };
  const last = heads.at(-1)!;
  const t = (last.write_date ?? last.create_date) as string;
  return { orders: await toOrders(rpc, heads), cursor: `${t}|${last.id}` };
}

export async function readPurchaseOrder(rpc: TrytonRpc, erpId: string): Promise<ErpPurchaseOrder | null> {
  const id = Number(erpId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const heads = await rpc.model<Row[]>("purchase.purchase", "search_read", [["id", "=", id]], 0, 1, null, HEAD);
  return heads.length ? (await toOrders(rpc, heads))[0] : null;
}
