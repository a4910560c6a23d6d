import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { logger } from "../log/logger";
import { ErpError } from "./connector";
import { getConnector } from "./get-connector";
import { ingestPurchaseOrder } from "./ingest-purchase-order";
import { pollPurchaseOrders } from "./poll-orders";
import { withSyncLog } from "./sync-log";

const MAX_BYTES = 64 * 1024;

const body = z.discriminatedUnion("event", [
  z.object({ event: z.literal("purchase_order"), erpId: z.string().trim().min(1).max(100) }),
  z.object({ event: z.literal("poll") }),
]);

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
 *   { "event": "purchase_order", "erpId": "42" }  reads that order and starts its flow (once)
 *   { "event": "poll" }                            polls for orders now
 * Answers 401 without the right token (or when none is configured), 400 for a bad body,
 * 404 for an order the ERP does not have, 502 when the ERP fails; never 500.
 */
export async function handleErpWebhook(db: Db, req: Request): Promise<Response> {
  try {
    const expected = process.env.ERP_WEBHOOK_TOKEN ?? "";
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
    if (!expected || !given || !tokenMatches(given, expected)) return error(401, "unauthenticated", "missing or wrong bearer token");

    const text = await req.text();
    if (text.length > MAX_BYTES) return error(400, "validation", "body too large");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return error(400, "validation", "body is not JSON");
    }
    const parsed = body.safeParse(raw);
    if (!parsed.success) return error(400, "validation", 'expected {"event":"purchase_order","erpId":"..."} or {"event":"poll"}');

    const connector = await getConnector(db);
    if (parsed.data.event === "poll") {
      const r = await pollPurchaseOrders(db, connector);
      return json(200, { ok: true, orders: r.orders, created: r.created });
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
