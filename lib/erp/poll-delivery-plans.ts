import "server-only";
import type { Db } from "../db/client";
import type { ErpConnector } from "./connector";
import { readCursor, writeCursor } from "./cursor";
import { dropVanishedPlans, ingestDeliveryPlan } from "./ingest-delivery-plan";
import { withSyncLog } from "./sync-log";

export const DELIVERY_PLANS_CURSOR = "erp.deliveryPlans";
const LIMIT = 100;

/**
 * Reads new or changed delivery plans from the ERP: each new plan starts a delivery
 * flow, a changed one restarts it, one the ERP no longer lists is cancelled.
 */
export async function pollDeliveryPlans(db: Db, connector: ErpConnector, opts: { jobId?: string | null } = {}) {
  let cursor = await readCursor(db, DELIVERY_PLANS_CURSOR);
  const totals = { plans: 0, created: 0, changed: 0, cancelled: 0, failed: 0 };
  const log = (operation: string, request: unknown) => ({ connector: connector.kind, direction: "event" as const, operation, request, jobId: opts.jobId ?? null });
  for (let pages = 0; pages < 1000; pages++) {
    const res = await withSyncLog(db, log("event.deliveryPlans", { cursor }), () => connector.pollDeliveryPlans(cursor, LIMIT), (r) => r.plans.length);
    const listed = new Set<string>();
    const failedOrders = new Set<string>();
    for (const plan of res.plans) {
      listed.add(plan.erpId);
      // One plan the app cannot take must not stop the others; it stays in the sync log as failed.
      try {
        const r = await withSyncLog(db, log("event.ingestDeliveryPlan", { erpId: plan.erpId, orderErpId: plan.orderErpId }), () => ingestDeliveryPlan(db, connector, plan), (x) => (x.created || x.changed ? 1 : 0));
        if (r.created) totals.created++;
        if (r.changed) totals.changed++;
      } catch {
        totals.failed++;
        failedOrders.add(plan.orderErpId);
      }
    }
    totals.plans += res.plans.length;
    totals.cancelled += await dropVanishedPlans(db, res.ordersInFull.filter((o) => !failedOrders.has(o)), listed);
    // The cursor moves once the page is in (a crash re-reads it; ingesting is idempotent).
    if (res.cursor === cursor) break;
    if (res.cursor) await writeCursor(db, DELIVERY_PLANS_CURSOR, res.cursor);
    cursor = res.cursor;
  }
  return totals;
}
