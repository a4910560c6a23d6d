import "server-only";
import { ErpError, type ErpWriteResult, type PurchaseCancellationInput } from "../connector";
import type { TrytonRpc } from "./rpc-client";
import type { Row } from "./tryton-lookups";

// A purchase the supplier declined, cancelled with Tryton's own "cancel". Tryton cancels
// only a draft or a quotation; a purchase still confirmed (Tryton 6.0 moves it on to
// processing at once unless a processing delay is configured) goes back to draft first,
// as a buyer would do in Tryton. The purchase state is the idempotency record: cancelled means an
// earlier attempt got through. One being delivered (processing, done) is refused: its
// goods are on their way and a person has to decide.

export async function cancelPurchaseOrder(rpc: TrytonRpc, input: PurchaseCancellationInput): Promise<ErpWriteResult> {
  const id = Number(input.orderErpId);
  const [po] = await rpc.model<Row[]>("purchase.purchase", "search_read", [["id", "=", id]], 0, 1, null, ["state", "number"]);
  if (!po) throw new ErpError(`Tryton has no purchase ${input.orderErpId} (${input.orderNumber})`, false);
  const state = String(po.state);
  if (state === "cancelled") return { erpId: String(id), repeated: true };
  if (state === "processing" || state === "done") throw new ErpError(`Tryton purchase ${po.number ?? id} is ${state}; it cannot be cancelled`, false);
  if (state === "confirmed") await rpc.model("purchase.purchase", "draft", [id]);
  await rpc.model("purchase.purchase", "cancel", [id]);
  return { erpId: String(id), repeated: false };
}
