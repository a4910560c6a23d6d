import "server-only";
import type { ErpMasterRecord, MasterDataKind } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";

// Small code lists, read whole and including inactive records (active_test false) so
// that a deactivation in Tryton reaches the app. Tryton has no code on payment terms
// and taxes: code is null and the app maps them (ErpMapping).

const ALL = { active_test: false };
const ORDER = [["id", "ASC"]];

async function list(rpc: TrytonRpc, model: string, domain: unknown[], fields: string[]): Promise<Row[]> {
  return rpc.modelCtx<Row[]>(model, "search_read", ALL, domain, 0, null, ORDER, fields);
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export async function readMasterData(rpc: TrytonRpc, kind: MasterDataKind): Promise<ErpMasterRecord[]> {
  switch (kind) {
    case "paymentTerm":
      return (await list(rpc, "account.invoice.payment_term", [], ["name", "description", "active"])).map((r) => ({
        erpId: String(r.id),
        code: null,
        name: String(r.name),
        attrs: { description: str(r.description) },
        active: Boolean(r.active),
      }));
    case "tax":
      return (await list(rpc, "account.tax", [], ["name", "description", "type", "rate", "amount", "active"])).map((r) => ({
        erpId: String(r.id),
        code: null,
        name: String(r.name),
        attrs: { type: r.type, rate: r.type === "percentage" ? r.rate : null, amount: r.type === "fixed" ? r.amount : null, description: str(r.description) },
        active: Boolean(r.active),
      }));
    case "currency":
      return (await list(rpc, "currency.currency", [], ["code", "name", "symbol", "digits", "active"])).map((r) => ({
        erpId: String(r.id),
        code: String(r.code),
        name: String(r.name),
        attrs: { symbol: r.symbol, digits: r.digits },
        active: Boolean(r.active),
      }));
    case "unit":
      // Tryton's units have no code; the symbol ("u", "kg") is what people type.
      return (await list(rpc, "product.uom", [], ["symbol", "name", "category.name", "active"])).map((r) => ({
        erpId: String(r.id),
        code: String(r.symbol),
        name: String(r.name),
        attrs: { symbol: r.symbol, category: (r["category."] as { name?: string } | null)?.name ?? null },
        active: Boolean(r.active),
      }));
    case "warehouse":
      return (await list(rpc, "stock.location", [["type", "=", "warehouse"]], ["code", "name", "input_location", "storage_location", "active"])).map((r) => ({
        erpId: String(r.id),
        code: str(r.code),
        name: String(r.name),
        attrs: { type: "warehouse", warehouseErpId: String(r.id), inputLocationErpId: r.input_location ? String(r.input_location) : null, storageLocationErpId: r.storage_location ? String(r.storage_location) : null },
        active: Boolean(r.active),
      }));
    case "location":
      // Locations inside a warehouse (input, storage, bins...): where goods can be received to.
      return (await list(rpc, "stock.location", [["type", "not in", ["warehouse", "supplier", "customer", "production", "drop"]]], ["code", "name", "type", "warehouse", "parent", "active"]))
        .filter((r) => r.warehouse)
        .map((r) => ({
          erpId: String(r.id),
          code: str(r.code),
          name: String(r.name),
          attrs: { type: r.type, warehouseErpId: String(r.warehouse), parentErpId: r.parent ? String(r.parent) : null },
          active: Boolean(r.active),
        }));
  }
}
