import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import { readJsonBody } from "../api/read-json-body";
import { AppError } from "../errors/app-error";
import { hasBearerToken } from "../http/bearer-token";
import { ErpError } from "./connector";
import { getConnector } from "./get-connector";
import { ingestDeliveryPlan } from "./ingest-delivery-plan";
import { ingestPurchaseOrder } from "./ingest-purchase-order";
import { pollDeliveryPlans } from "./poll-delivery-plans";
import { pollPurchaseOrders } from "./poll-orders";
import { withSyncLog } from "./sync-log";

const MAX_BYTES = 64 * 1024;

const body = z.discriminatedUnion("event", [
  z.object({ event: z.literal("purchase_order"), erpId: z.string().trim().min(1).max(100) }),
  z.object({ event: z.literal("delivery_plan"), erpId: z.string().trim().min(1).max(100) }),
  z.object({ event: z.literal("poll") }),
]);

/**
 * POST /api/erp/webhook, called by the ERP (or a script beside it) with
 * `Authorization: Bearer $ERP_WEBHOOK_TOKEN`:
 *   { "event": "purchase_order", "erpId": "42" }   reads that order and starts its flow (once; a changed open order restarts it)
 *   { "event": "delivery_plan", "erpId": "42:7" }  reads that delivery plan and starts its delivery flow (once)
 *   { "event": "poll" }                             polls for orders and delivery plans now
 * Answers 401 without the right token (or when none is configured), 400 for a bad body
 * (413 when over 64 KiB, read no further), 404 for an order the ERP does not have,
 * 502 when the ERP fails, 503 for anything unexpected (the ERP sends it again); never 500.
 */
/** How the webhook's route answers failures: 503 for anything unexpected (the ERP sends again); a machine caller, no Origin check. */
export const WEBHOOK_ROUTE = { unexpectedStatus: 503, foreignOrigin: "allowed" } as const;

export async function handleErpWebhook(db: Db, req: Request): Promise<Response> {
  if (!hasBearerToken(req, process.env.ERP_WEBHOOK_TOKEN)) throw new AppError("unauthenticated");
  const event = await readJsonBody(req, body, MAX_BYTES);
  try {
    const connector = await getConnector(db);
    if (event.event === "poll") {
      const r = await pollPurchaseOrders(db, connector);
      const p = await pollDeliveryPlans(db, connector);
      return Response.json({ ok: true, orders: r.orders, created: r.created, plans: p.plans, plansCreated: p.created, plansChanged: p.changed });
    }
    if (event.event === "delivery_plan") {
      const planErpId = event.erpId;
      const plan = await withSyncLog(db, { connector: connector.kind, direction: "event", operation: "event.webhook.deliveryPlan", request: { erpId: planErpId } }, () => connector.readDeliveryPlan(planErpId));
      if (!plan) throw new AppError("not_found", { details: { erpId: planErpId } });
      const r = await ingestDeliveryPlan(db, connector, plan);
      return Response.json({ ok: true, planId: r.planId, created: r.created, changed: r.changed });
    }
    const erpId = event.erpId;
    const order = await withSyncLog(db, { connector: connector.kind, direction: "event", operation: "event.webhook.purchaseOrder", request: { erpId } }, () => connector.readPurchaseOrder(erpId));
    if (!order) throw new AppError("not_found", { details: { erpId } });
    const r = await ingestPurchaseOrder(db, order);
    return Response.json({ ok: true, orderId: r.orderId, created: r.created });
  } catch (e) {
    if (e instanceof ErpError) throw new AppError("erp_unavailable", { details: { message: e.message.slice(0, 300) }, cause: e });
    throw e;
  }
}
