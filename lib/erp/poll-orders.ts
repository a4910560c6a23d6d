import "server-only";
import type { Db } from "../db/client";
import type { ErpConnector } from "./connector";
import { readCursor, writeCursor } from "./cursor";
import { ingestPurchaseOrder } from "./ingest-purchase-order";
import { withSyncLog } from "./sync-log";

const CURSOR = "erp.purchaseOrders";
const LIMIT = 100;

/** Reads new or changed purchase orders from the ERP and starts a confirmation flow for each new one. */
export async function pollPurchaseOrders(db: Db, connector: ErpConnector, opts: { jobId?: string | null } = {}) {
  let cursor = await readCursor(db, CURSOR);
  let seen = 0;
  let created = 0;
  let failed = 0;
  for (;;) {
    const res = await withSyncLog(db, { connector: connector.kind, direction: "event", operation: "event.purchaseOrders", request: { cursor }, jobId: opts.jobId ?? null }, () => connector.pollPurchaseOrders(cursor, LIMIT));
    for (const order of res.orders) {
      // One order the app cannot take (e.g. its supplier's code belongs to another party)
      // must not stop the others: it is logged as failed, and can be sent again by webhook.
      try {
        if ((await withSyncLog(db, { connector: connector.kind, direction: "event", operation: "event.ingestPurchaseOrder", request: { erpId: order.erpId, number: order.number }, jobId: opts.jobId ?? null }, () => ingestPurchaseOrder(db, order), (r) => (r.created ? 1 : 0))).created) created++;
      } catch {
        failed++;
      }
    }
    seen += res.orders.length;
    // The cursor moves only once the page's orders are in (a crash re-reads them; ingesting is idempotent).
    if (res.cursor && res.cursor !== cursor) await writeCursor(db, CURSOR, res.cursor);
    const moved = res.cursor !== cursor;
    cursor = res.cursor;
    if (res.orders.length < LIMIT || !moved) break;
  }
  return { orders: seen, created, failed };
}
