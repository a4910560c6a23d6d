import "server-only";
import { ErpError, type ErpWriteResult, type SalesOrderInput } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import { companyId, idByCode, warehouseId, type Row } from "./tryton-lookups";
import { decimal } from "./tryton-json";
import { upsertParty } from "./write-party";

// An approved opportunity / sales order as a Tryton sale in state "quotation" (the
// customer has agreed in the app; confirming and shipping stay Tryton's job). The
// sale's reference is the app's reference: a repeat finds it. Invoicing is "manual"
// so no chart of accounts is needed.

export async function recordSalesOrder(rpc: TrytonRpc, input: SalesOrderInput): Promise<ErpWriteResult> {
  if (!input.reference) throw new ErpError("a sales order needs a reference to be written to Tryton", false);
  // The reference is unique per app database only: the customer narrows the search.
  const domain = [["reference", "=", input.reference], ["party.code", "=", input.customer.code]];
  const [existing] = await rpc.model<Row[]>("sale.sale", "search_read", domain, 0, 1, [["id", "ASC"]], ["state"]);
  if (existing) {
    // Created but not yet quoted (crash in between): finish it.
    if (existing.state === "draft") {
      await rpc.model("sale.sale", "quote", [existing.id]);
      return { erpId: String(existing.id), repeated: false, ...(await saleNumber(rpc, existing.id)) };
    }
    return { erpId: String(existing.id), repeated: true, ...(await saleNumber(rpc, existing.id)) };
  }

  const party = Number((await upsertParty(rpc, { ...input.customer, role: "customer" })).erpId);
  let [address] = await rpc.model<number[]>("party.address", "search", [["party", "=", party]], 0, 1, [["sequence", "ASC"], ["id", "ASC"]]);
  if (!address) [address] = await rpc.model<number[]>("party.address", "create", [{ party }]);

  const [company, warehouse, currency] = await Promise.all([
    companyId(rpc),
    warehouseId(rpc),
    idByCode(rpc, "currency.currency", "code", input.currencyCode, "currency"),
  ]);
  const lines = [];
  for (const l of input.lines) {
    const product = await idByCode(rpc, "product.product", "code", l.productCode, "product");
    const unit = await idByCode(rpc, "product.uom", "symbol", l.unitCode, "unit");
    lines.push({ type: "line", product, unit, quantity: l.quantity, unit_price: decimal(l.unitPrice), description: l.description });
  }
  const [id] = await rpc.model<number[]>("sale.sale", "create", [{
    reference: input.reference,
    party,
    company,
    currency,
    warehouse,
    invoice_method: "manual",
    invoice_address: address,
    shipment_address: address,
    lines: [["create", lines]],
  }]);
  await rpc.model("sale.sale", "quote", [id]);
  return { erpId: String(id), repeated: false, ...(await saleNumber(rpc, id)) };
}

/** The number Tryton gives a sale when it is quoted (its sequence), read back to show in the app. */
export async function saleNumber(rpc: TrytonRpc, id: number): Promise<{ number?: string }> {
  const [row] = await rpc.model<Row[]>("sale.sale", "read", [id], ["number"]);
  return typeof row?.number === "string" && row.number ? { number: row.number } : {};
}
