import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { logger } from "../log/logger";
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

/** The body as text, read no further than `max` bytes; null when it is longer. */
async function readLimited(req: Request, max: number): Promise<string | null> {
  if (Number(req.headers.get("content-length") ?? 0) > max) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const json = (status: number, data: unknown) => Response.json(data, { status });
const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
function tokenMatches(given: string, expected: string) {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * POST /api/erp/webhook, called by the ERP (or a script beside it) with
 * `Authorization: Bearer $ERP_WEBHOOK_TOKEN`:
 *   { "event": "purchase_order", "erpId": "42" }   reads that order and starts its flow (once; a changed open order restarts it)
 *   { "event": "delivery_plan", "erpId": "42:7" }  reads that delivery plan and starts its delivery flow (once)
 *   { "event": "poll" }                             polls for orders and delivery plans now
 * Answers 401 without the right token (or when none is configured), 400 for a bad body
 * (413 when over 64 KiB, read no further),
 * 404 for an order the ERP does not have, 502 when the ERP fails; never 500.
 */
export async function handleErpWebhook(db: Db, req: Request): Promise<Response> {
  try {
    const expected = process.env.ERP_WEBHOOK_TOKEN ?? "";
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
    if (!expected || !given || !tokenMatches(given, expected)) return error(401, "unauthenticated", "missing or wrong bearer token");

    const text = await readLimited(req, MAX_BYTES);
    if (text === null) return error(413, "validation", "body too large");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return error(400, "validation", "body is not JSON");
    }
    const parsed = body.safeParse(raw);
    if (!parsed.success) return error(400, "validation", 'expected {"event":"purchase_order"|"delivery_plan","erpId":"..."} or {"event":"poll"}');

    const connector = await getConnector(db);
    if (parsed.data.event === "poll") {
      const r = await pollPurchaseOrders(db, connector);
      const p = await pollDeliveryPlans(db, connector);
      return json(200, { ok: true, orders: r.orders, created: r.created, plans: p.plans, plansCreated: p.created, plansChanged: p.changed });
    }
    if (parsed.data.event === "delivery_plan") {
      const planErpId = parsed.data.erpId;
      const plan = await withSyncLog(db, { connector: connector.kind, direction: "event", operation: "event.webhook.deliveryPlan", request: { erpId: planErpId } }, () => connector.readDeliveryPlan(planErpId));
      if (!plan) return error(404, "not_found", `the ERP has no open delivery plan ${planErpId}`);
      const r = await ingestDeliveryPlan(db, connector, plan);
      return json(200, { ok: true, planId: r.planId, created: r.created, changed: r.changed });
    }
    const erpId = parsed.data.erpId;
    const order = await withSyncLog(db, { connector: connector.kind, direction: "event", operation: "event.webhook.purchaseOrder", request: { erpId } }, () => connector.readPurchaseOrder(erpId));
    if (!order) return error(404, "not_found", `the ERP has no purchase order ${erpId}`);
    const r = await ingestPurchaseOrder(db, order);
    return json(200, { ok: true, orderId: r.orderId, created: r.created });
  } catch (e) {
    if (e instanceof ErpError) return error(502, "erp_unavailable", e.message.slice(0, 300));
    logger.error({ err: e }, "ERP webhook failed");
    return error(503, "unavailable", "the event could not be processed now; send it again later");
  }
}
