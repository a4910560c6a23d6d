import "server-only";
import type { ErpConnector } from "../connector";
import { cancelPurchaseOrder } from "./cancel-purchase";
import { confirmPurchaseOrder } from "./confirm-purchase";
import { pollDeliveryPlans, readDeliveryPlan } from "./delivery-plans";
import { postGoodsReceipt } from "./post-receipt";
import { pollPurchaseOrders, readPurchaseOrder } from "./purchase-orders";
import { readMasterData } from "./read-master-data";
import { readParties } from "./read-parties";
import { readProducts } from "./read-products";
import { confirmSalesOrder } from "./confirm-sale";
import { recordSalesOrder } from "./record-sale";
import { TrytonRpc } from "./rpc-client";
import { upsertParty } from "./write-party";

// The Tryton 6.0 connector. Idempotency keys are not stored in Tryton: every write
// finds its earlier result through a natural key Tryton keeps (party code, purchase
// state, shipment and sale reference), which also covers a crash between "Tryton
// accepted" and "the app recorded".

export type TrytonConnectorConfig = {
  url: string;
  database: string;
  username: string;
  password: string;
  /** Per JSON-RPC call (default 60 s). */
  timeoutMs?: number;
};

export function createTrytonConnector(config: TrytonConnectorConfig): ErpConnector {
  const rpc = new TrytonRpc(config);
  return {
    kind: "tryton",
    async testConnection() {
      const version = await rpc.version();
      // Logging in proves the database and the credentials, not just the server.
      const prefs = await rpc.model<{ "company.rec_name"?: string }>("res.user", "get_preferences", true);
      const company = prefs["company.rec_name"] ? `, company ${prefs["company.rec_name"]}` : ", no company set for the user";
      return { ok: true, version: `Tryton ${version}`, detail: `database ${config.database} as ${config.username}${company}` };
    },
    readMasterData: (kind) => readMasterData(rpc, kind),
    readProducts: (since, page, limit) => readProducts(rpc, since, page, limit),
    readParties: (role, since, page, limit) => readParties(rpc, role, since, page, limit),
    pollPurchaseOrders: (cursor, limit) => pollPurchaseOrders(rpc, cursor, limit),
    readPurchaseOrder: (erpId) => readPurchaseOrder(rpc, erpId),
    pollDeliveryPlans: (cursor, limit) => pollDeliveryPlans(rpc, cursor, limit),
    readDeliveryPlan: (erpId) => readDeliveryPlan(rpc, erpId),
    upsertParty: (input) => upsertParty(rpc, input),
    confirmPurchaseOrder: (input) => confirmPurchaseOrder(rpc, input),
    cancelPurchaseOrder: (input) => cancelPurchaseOrder(rpc, input),
    postGoodsReceipt: (input) => postGoodsReceipt(rpc, input),
    recordSalesOrder: (input) => recordSalesOrder(rpc, input),
    confirmSalesOrder: (input) => confirmSalesOrder(rpc, input),
  };
}
