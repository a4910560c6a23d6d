import "server-only";
import { ErpError, type DeliveryPlanPoll, type ErpDeliveryPlan } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";
import { dateTime, writeAt } from "./tryton-json";

// Tryton 6.0 has no "delivery plan" document: when a purchase is confirmed, Tryton
// plans the deliveries itself as incoming moves (stock.move, state draft, no shipment
// yet, origin "purchase.line,<id>", planned_date = the line's delivery date). The
// connector presents a purchase's open incoming moves that share a planned date as one
// delivery plan. Its id is "<purchase id>:<lowest move id>", stable while the plan is
// open; what is still missing after a receipt becomes a new move, hence a new plan.
//
// Polling follows the open moves' creation and change: a new or changed move makes
// its purchase's plans be read again, all of them, so the app sees a plan that was
// split or merged as a whole.

const OPEN = [["state", "=", "draft"], ["shipment", "=", null], ["origin", "like", "purchase.line,%"]];
const MOVE = ["origin", "quantity", "planned_date", "write_date", "create_date"];

// Two keysets, one on create_date and one on write_date: Tryton creates the moves of
// a confirmed purchase without writing them (write_date stays NULL), and a single
// keyset over "write_date, else create_date" cannot be expressed as a Tryton domain.
type Mark = { t: string; id: number } | null;
type Cursor = { created: Mark; written: Mark };

function decodeMark(s: string): Mark {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d+)$/.exec(s);
  if (!m) throw new ErpError("invalid Tryton delivery-plan cursor", false, { cursor: s });
  return { t: m[1], id: Number(m[2]) };
}

function decodeCursor(cursor: string | null): Cursor {
  if (!cursor) return { created: null, written: null };
  const [a, b = ""] = cursor.split(";");
  return { created: decodeMark(a), written: decodeMark(b) };
}

const encodeMark = (m: Mark) => (m ? `${m.t}|${m.id}` : "");

/** Open incoming moves whose `field` is after the mark, oldest first. */
async function movesAfter(rpc: TrytonRpc, field: "create_date" | "write_date", mark: Mark, limit: number): Promise<Row[]> {
  const domain: unknown[] = [...OPEN];
  if (mark) {
    const t = dateTime(mark.t);
    domain.push(["OR", [[field, ">", t]], [[field, "=", t], ["id", ">", mark.id]]]);
  } else if (field === "write_date") {
    domain.push(["write_date", "!=", null]);
  }
  return rpc.model<Row[]>("stock.move", "search_read", domain, 0, limit, [[field, "ASC"], ["id", "ASC"]], ["origin", field]);
}

const markOf = (rows: Row[], field: string, old: Mark): Mark => {
  const last = rows.at(-1);
  return last ? { t: last[field] as string, id: last.id } : old;
};

const lineId = (origin: unknown) => String(origin ?? "").replace(/^purchase\.line,/, "");

/** Every open plan of the given purchases, grouped per purchase and planned date. */
async function plansOf(rpc: TrytonRpc, purchaseIds: number[]): Promise<ErpDeliveryPlan[]> {
  if (!purchaseIds.length) return [];
  const lines = await rpc.model<Row[]>("purchase.line", "search_read", [["purchase", "in", purchaseIds]], 0, null, [["id", "ASC"]], ["purchase"]);
  const purchaseOf = new Map(lines.map((l) => [String(l.id), Number(l.purchase)]));
  if (!lines.length) return [];
  const origins = lines.map((l) => `purchase.line,${l.id}`);
  const moves = await rpc.model<Row[]>("stock.move", "search_read", [...OPEN, ["origin", "in", origins]], 0, null, [["id", "ASC"]], MOVE);
  const groups = new Map<string, Row[]>();
  for (const m of moves) {
    const purchase = purchaseOf.get(lineId(m.origin));
    if (purchase === undefined) continue;
    const key = `${purchase}|${(m.planned_date as string | null) ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.entries()].map(([key, ms]) => {
    const [purchase, planned] = key.split("|");
    return {
      erpId: `${purchase}:${ms[0].id}`,
      orderErpId: purchase,
      plannedDate: planned || null,
      lines: ms.map((m) => ({ erpId: String(m.id), orderLineErpId: lineId(m.origin), quantity: Number(m.quantity), plannedDate: (m.planned_date as string | null) ?? null })),
      writeAt: writeAt(...ms.flatMap((m) => [m.write_date as string | null, m.create_date as string | null])),
    };
  });
}

export async function pollDeliveryPlans(rpc: TrytonRpc, cursor: string | null, limit: number): Promise<DeliveryPlanPoll> {
  const c = decodeCursor(cursor);
  const created = await movesAfter(rpc, "create_date", c.created, limit);
  const written = await movesAfter(rpc, "write_date", c.written, limit);
  if (!created.length && !written.length) return { plans: [], cursor, ordersInFull: [] };
  const lineIds = [...new Set([...created, ...written].map((m) => Number(lineId(m.origin))))];
  const lines = await rpc.model<Row[]>("purchase.line", "read", lineIds, ["purchase"]);
  const purchases = [...new Set(lines.map((l) => Number(l.purchase)))];
  const next = `${encodeMark(markOf(created, "create_date", c.created))};${encodeMark(markOf(written, "write_date", c.written))}`;
  return { plans: await plansOf(rpc, purchases), cursor: next, ordersInFull: purchases.map(String) };
}

export async function readDeliveryPlan(rpc: TrytonRpc, erpId: string): Promise<ErpDeliveryPlan | null> {
  const m = /^(\d+):(\d+)$/.exec(erpId);
  if (!m) return null;
  const plans = await plansOf(rpc, [Number(m[1])]);
  return plans.find((p) => p.lines.some((l) => l.erpId === m[2])) ?? null;
}
