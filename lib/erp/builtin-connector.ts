import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ErpError, type ErpConnector, type ErpMasterRecord, type ErpPage, type ErpParty, type ErpProduct, type ErpPurchaseOrder, type ErpWriteResult, type MasterDataKind, type PartyRole } from "./connector";
import { pollBuiltinPlans, readBuiltinPlan } from "./builtin-delivery-plans";
import { toErpPurchaseOrder } from "./builtin-orders";

/**
 * The connector for a factory without an ERP: the app's own tables are the master
 * data (nothing to sync), orders are entered in the app (no order events; each
 * recorded confirmation becomes a delivery plan), and every
 * write-back is recorded in IntegrationLedger under its idempotency key, so that a
 * repeat finds the first record instead of writing a second one.
 */
export function createBuiltinConnector(db: Db): ErpConnector {
  return {
    kind: "builtin",

    async testConnection() {
      down();
      const [products, ledger] = await Promise.all([db.product.count(), db.integrationLedger.count()]);
      return { ok: true, version: "builtin", detail: `${products} products, ${ledger} ledger records` };
    },

    async readMasterData(kind: MasterDataKind): Promise<ErpMasterRecord[]> {
      down();
      const rows = await db.masterData.findMany({ where: { kind }, orderBy: { code: "asc" } });
      return rows.map((r) => ({ erpId: r.erpId ?? r.code, code: r.code, name: r.name, attrs: r.attrs as Record<string, unknown>, active: r.active }));
    },

    async readProducts(since, page, limit): Promise<ErpPage<ErpProduct>> {
      down();
      const rows = await db.product.findMany({ where: keyset(since, page), orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: limit });
      const items = rows.map((p) => ({ erpId: p.erpId ?? p.code, code: p.code, name: p.name, unitCode: p.unitCode, params: p.params as Record<string, unknown>, active: p.active, writeAt: p.updatedAt.toISOString() }));
      return { items, next: rows.length === limit ? token(rows[rows.length - 1]) : null };
    },

    async readParties(role: PartyRole, since, page, limit): Promise<ErpPage<ErpParty>> {
      down();
      const args = { where: keyset(since, page), orderBy: [{ updatedAt: "asc" as const }, { id: "asc" as const }], take: limit };
      // A customer merged into another is no party of its own any more.
      const rows = role === "supplier" ? await db.supplier.findMany(args) : await db.customer.findMany({ ...args, where: { AND: [args.where, { mergedIntoId: null }] } });
      const items = rows.map((s) => ({ erpId: s.erpId ?? s.code, code: s.code, name: s.name, taxCode: s.taxCode, address: s.address, writeAt: s.updatedAt.toISOString() }));
      return { items, next: rows.length === limit ? token(rows[rows.length - 1]) : null };
    },

    async pollPurchaseOrders(cursor) {
      down();
      return { orders: [], cursor };
    },

    async readPurchaseOrder(erpId): Promise<ErpPurchaseOrder | null> {
      down();
      const po = await db.purchaseOrder.findUnique({ where: { erpId }, include: { lines: { orderBy: { lineNo: "asc" } }, supplier: true } });
      return po ? toErpPurchaseOrder(po) : null;
    },

    async pollDeliveryPlans(cursor, limit) {
      down();
      return pollBuiltinPlans(db, cursor, limit);
    },

    async readDeliveryPlan(erpId) {
      down();
      return readBuiltinPlan(db, erpId);
    },

    upsertParty: (input, key) => record(db, "erp.upsertParty", key, input.code, input, input.erpId ?? `party:${input.role}:${input.code}`),
    confirmPurchaseOrder: (input, key) => record(db, "erp.confirmPurchaseOrder", key, input.orderNumber, input, input.orderErpId),
    cancelPurchaseOrder: (input, key) => record(db, "erp.cancelPurchaseOrder", key, input.orderNumber, input, input.orderErpId),
    postGoodsReceipt: (input, key) => record(db, "erp.postGoodsReceipt", key, input.receiptNumber, input, `receipt:${input.receiptNumber}`),
    // The built-in "ERP" numbers a quotation after the app's reference (it has no sequence of its own).
    recordSalesOrder: async (input, key) => ({ ...(await record(db, "erp.recordSalesOrder", key, input.reference, input, `sale:${input.reference}`)), number: `SQ-${input.reference}` }),
    async confirmSalesOrder(input, key) {
      // No quotation recorded for it: the sale is recorded first (its own ledger row), as in an ERP.
      const saleId = input.saleErpId ?? (await record(db, "erp.recordSalesOrder", `${key}:record`, input.reference, input.order, `sale:${input.reference}`)).erpId;
      return { ...(await record(db, "erp.confirmSalesOrder", key, input.reference, input, saleId)), number: `SQ-${input.reference}` };
    },
  };
}

/** Lets the tests (and a demo) take the built-in "ERP" down: ERP_BUILTIN_DOWN=1. */
function down() {
  if (process.env.ERP_BUILTIN_DOWN === "1") throw new ErpError("built-in ERP unavailable (ERP_BUILTIN_DOWN=1)", true);
}

async function record(db: Db, handler: string, key: string, businessKey: string, input: unknown, erpId: string): Promise<ErpWriteResult> {
  down();
  const payload = JSON.parse(JSON.stringify({ erpId, input })) as Prisma.InputJsonValue;
  const { count } = await db.integrationLedger.createMany({ data: [{ idempotencyKey: key, handler, businessKey, payload }], skipDuplicates: true });
  if (count === 1) return { erpId, repeated: false };
  const first = await db.integrationLedger.findUniqueOrThrow({ where: { idempotencyKey: key } });
  return { erpId: String((first.payload as { erpId?: unknown }).erpId ?? erpId), repeated: true };
}

// Pages continue after the last (updatedAt, id) seen; `since` is exclusive like an ERP's write_date cursor.
function token(r: { updatedAt: Date; id: string }) {
  return `${r.updatedAt.toISOString()}|${r.id}`;
}

function keyset(since: string | null, page: string | null) {
  const and: object[] = [];
  if (since) and.push({ updatedAt: { gt: new Date(since) } });
  if (page) {
    const [at, id] = page.split("|");
    const d = new Date(at);
    and.push({ OR: [{ updatedAt: { gt: d } }, { updatedAt: d, id: { gt: id } }] });
  }
  return and.length ? { AND: and } : {};
}
