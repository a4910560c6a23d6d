import "server-only";
import { ErpError, type ErpWriteResult, type SalesOrderConfirmationInput } from "../connector";
import { recordSalesOrder, saleNumber } from "./record-sale";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";

// A signed sales contract confirms the Tryton sale the review quoted (sale.sale "confirm").
// The sale's state is the idempotency record: confirmed, processing or done means an
// earlier attempt got through. No sale yet (the opportunity was never quoted): the order
// is recorded (and quoted) first under the same reference, then confirmed.

const DONE = new Set(["confirmed", "processing", "done"]);

export async function confirmSalesOrder(rpc: TrytonRpc, input: SalesOrderConfirmationInput): Promise<ErpWriteResult> {
  const fields = ["state", "number"];
  let [sale] = input.saleErpId ? await rpc.model<Row[]>("sale.sale", "search_read", [["id", "=", Number(input.saleErpId)]], 0, 1, null, fields) : [];
  if (!sale) {
    const domain = [["reference", "=", input.reference], ["party.code", "=", input.order.customer.code]];
    [sale] = await rpc.model<Row[]>("sale.sale", "search_read", domain, 0, 1, [["id", "ASC"]], fields);
  }
  if (!sale) {
    const recorded = await recordSalesOrder(rpc, { ...input.order, reference: input.reference });
    [sale] = await rpc.model<Row[]>("sale.sale", "search_read", [["id", "=", Number(recorded.erpId)]], 0, 1, null, fields);
  }
  if (!sale) throw new ErpError(`Tryton has no sale for ${input.reference}`, false);
  const id = Number(sale.id);
  const state = String(sale.state);
  if (DONE.has(state)) return { erpId: String(id), repeated: true, ...(await saleNumber(rpc, id)) };
  if (state === "cancelled") throw new ErpError(`Tryton sale ${sale.number ?? id} is cancelled; it cannot be confirmed`, false);
  if (state === "draft") await rpc.model("sale.sale", "quote", [id]);
  await rpc.model("sale.sale", "confirm", [id]);
  return { erpId: String(id), repeated: false, ...(await saleNumber(rpc, id)) };
}
