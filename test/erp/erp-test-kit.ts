// Helpers shared by the ERP tests: run the job queue dry, and a scriptable in-memory
// ERP (for sync volume, the poller and failure cases, which the built-in connector
// cannot show because it has no master data of its own to send).
import type { Db } from "@/lib/db/client";
import { ErpError, type ErpConnector, type ErpDeliveryPlan, type ErpMasterRecord, type ErpParty, type ErpProduct, type ErpPurchaseOrder, type ErpWriteResult, type MasterDataKind, type PartyRole } from "@/lib/erp/connector";
import { now } from "@/lib/workflow/clock";
import { runDueJobs } from "@/lib/workflow/jobs/worker";

/** Runs every job that is due now or within `aheadMs` (skipping retry backoff), until none is left. */
export async function drainJobs(db: Db, aheadMs = 3_600_000, rounds = 20) {
  let total = 0;
  for (let i = 0; i < rounds; i++) {
    const ran = await runDueJobs(db, { workerId: `test-${i}`, at: new Date(now().getTime() + aheadMs) });
    total += ran;
    if (!ran) break;
  }
  return total;
}

export type FakeErp = ErpConnector & {
  masters: Record<MasterDataKind, ErpMasterRecord[]>;
  products: ErpProduct[];
  parties: Record<PartyRole, ErpParty[]>;
  orders: ErpPurchaseOrder[];
  /** Open delivery plans; `ordersInFull` of a poll names the orders of the plans it returns. */
  plans: ErpDeliveryPlan[];
  calls: Record<string, number>;
  writes: { op: string; key: string; input: unknown }[];
  down: boolean;
};

function page<T extends { writeAt: string; erpId: string }>(all: T[], since: string | null, token: string | null, limit: number) {
  const sorted = all.filter((x) => !since || x.writeAt > since).sort((a, b) => (a.writeAt === b.writeAt ? a.erpId.localeCompare(b.erpId) : a.writeAt.localeCompare(b.writeAt)));
  const start = token ? Number(token) : 0;
  const items = sorted.slice(start, start + limit);
  return { items, next: start + limit < sorted.length ? String(start + limit) : null };
}

export function fakeErp(): FakeErp {
  const calls: Record<string, number> = {};
  const seen = new Map<string, ErpWriteResult>();
  const count = (op: string) => (calls[op] = (calls[op] ?? 0) + 1);
  const erp: FakeErp = {
    kind: "tryton",
    masters: { paymentTerm: [], tax: [], currency: [], unit: [], warehouse: [], location: [] },
    products: [],
    parties: { supplier: [], customer: [] },
    orders: [],
    plans: [],
    calls,
    writes: [],
    down: false,
    async testConnection() {
      check("testConnection");
      return { ok: true, version: "fake 1.0", detail: "in memory" };
    },
    async readMasterData(kind) {
      check("readMasterData");
      return erp.masters[kind];
    },
    async readProducts(since, token, limit) {
      check("readProducts");
      return page(erp.products, since, token, limit);
    },
    async readParties(role, since, token, limit) {
      check("readParties");
      return page(erp.parties[role], since, token, limit);
    },
    async pollPurchaseOrders(cursor, limit) {
      check("pollPurchaseOrders");
      const fresh = erp.orders.filter((o) => !cursor || o.writeAt > cursor).slice(0, limit);
      return { orders: fresh, cursor: fresh.length ? fresh[fresh.length - 1].writeAt : cursor };
    },
    async readPurchaseOrder(erpId) {
      check("readPurchaseOrder");
      return erp.orders.find((o) => o.erpId === erpId) ?? null;
    },
    async pollDeliveryPlans(cursor, limit) {
      check("pollDeliveryPlans");
      const fresh = erp.plans.filter((p) => !cursor || p.writeAt > cursor).slice(0, limit);
      const orders = [...new Set(fresh.map((p) => p.orderErpId))];
      return { plans: erp.plans.filter((p) => orders.includes(p.orderErpId)), cursor: fresh.length ? fresh[fresh.length - 1].writeAt : cursor, ordersInFull: orders };
    },
    async readDeliveryPlan(erpId) {
      check("readDeliveryPlan");
      return erp.plans.find((p) => p.erpId === erpId) ?? null;
    },
    upsertParty: (input, key) => write("upsertParty", key, input, () => input.erpId ?? `party-${input.code}`),
    confirmPurchaseOrder: (input, key) => write("confirmPurchaseOrder", key, input, () => input.orderErpId),
    cancelPurchaseOrder: (input, key) => write("cancelPurchaseOrder", key, input, () => input.orderErpId),
    postGoodsReceipt: (input, key) => write("postGoodsReceipt", key, input, () => `shipment-${input.receiptNumber}`),
    recordSalesOrder: (input, key) => write("recordSalesOrder", key, input, () => `sale-${input.reference}`),
    confirmSalesOrder: (input, key) => write("confirmSalesOrder", key, input, () => input.saleErpId ?? `sale-${input.reference}`),
  };
  function check(op: string) {
    count(op);
    if (erp.down) throw new ErpError("connect ECONNREFUSED (fake ERP down)", true);
  }
  async function write(op: string, key: string, input: unknown, id: () => string): Promise<ErpWriteResult> {
    check(op);
    const before = seen.get(key);
    if (before) return { erpId: before.erpId, repeated: true };
    const r = { erpId: id(), repeated: false };
    seen.set(key, r);
    erp.writes.push({ op, key, input });
    return r;
  }
  return erp;
}

/** A purchase order as an ERP would send it. */
export function erpOrder(n: number, supplier: { erpId: string; code: string; name: string }, writeAt = new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString()): ErpPurchaseOrder {
  return {
    erpId: `po-${n}`,
    number: `PUR-${String(n).padStart(5, "0")}`,
    supplier,
    currencyCode: "CNY",
    orderDate: "2026-11-01",
    lines: [{ erpId: `pol-${n}-1`, lineNo: 1, productCode: "P-1001", description: "Bolt M8", quantity: 100, unitCode: "PCS", unitPrice: 0.5, requestedDate: "2026-11-20" }],
    writeAt,
  };
}
