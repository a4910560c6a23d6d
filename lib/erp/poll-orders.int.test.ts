import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs, erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { saveConnection } from "./connection";
import { overrideConnector } from "./get-connector";
import { pollPurchaseOrders } from "./poll-orders";
import { ensureErpPoller } from "./ensure-poller";
import { apiRoute } from "@/lib/api/api-route";
import { handleErpWebhook as handle, WEBHOOK_ROUTE } from "./webhook";

process.env.ERP_SECRET_KEY ??= "test-erp-secret-key";
const kinds = await dbKinds();
/** The webhook as its route answers (lib/api/api-route.ts): errors become their HTTP status. */
const webhook = (db: Parameters<typeof handle>[0], req: Request) => apiRoute("webhook", (r: Request) => handle(db, r), WEBHOOK_ROUTE)(req);
const TOKEN = "webhook-token-0123456789";
const supplier = { erpId: "77", code: "SUP-ERP-1", name: "ERP 供应商" };

const post = (body: unknown, auth: string | null = `Bearer ${TOKEN}`) =>
  new Request("http://app/api/erp/webhook", { method: "POST", headers: auth ? { authorization: auth, "content-type": "application/json" } : {}, body: typeof body === "string" ? body : JSON.stringify(body) });

describe.each(kinds)("ERP events (poll and webhook) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const erp = fakeErp();
  beforeAll(async () => {
    t = await erpTestDb(kind);
    erp.orders.push(erpOrder(1, supplier), erpOrder(2, supplier), erpOrder(3, supplier));
  });
  afterAll(async () => {
    overrideConnector(null);
    await t?.close();
  });
  afterEach(() => {
    delete process.env.ERP_WEBHOOK_TOKEN;
    erp.down = false;
  });

  it("two pollers at once bring each order in once and start one flow per order", async () => {
    // On PostgreSQL the second poller is a second client, as a second app instance would be.
    const other = kind === "postgresql" ? await openDb({ mode: "postgresql", url: t.url! }) : null;
    try {
      const results = await Promise.all([pollPurchaseOrders(t.db, erp), pollPurchaseOrders(other?.db ?? t.db, erp), pollPurchaseOrders(t.db, erp)]);
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(3);
    } finally {
      await other?.close();
    }
    const orders = await t.db.purchaseOrder.findMany({ where: { erpId: { in: ["po-1", "po-2", "po-3"] } }, include: { supplier: true } });
    expect(orders).toHaveLength(3);
    for (const o of orders) {
      expect(o.supplier).toMatchObject({ code: "SUP-ERP-1", erpId: "77", status: "active" });
      const instances = await t.db.processInstance.findMany({ where: { recordType: "PurchaseOrder", recordId: o.id } });
      expect(instances).toHaveLength(1);
      expect(o.instanceId).toBe(instances[0].id);
      const tasks = await t.db.task.findMany({ where: { instanceId: o.instanceId!, status: "open" } });
      expect(tasks).toMatchObject([{ elementId: "supplier_confirm", candidateSupplierId: o.supplierId }]);
    }
    expect(await t.db.erpCursor.findUnique({ where: { key: "erp.purchaseOrders" } })).toMatchObject({ value: erp.orders[2].writeAt });
    expect(await pollPurchaseOrders(t.db, erp)).toEqual({ orders: 0, created: 0, failed: 0 });
  });

  it("an order the app cannot take is logged as failed and does not hold up the others", async () => {
    const bad = erpOrder(10, supplier, "2026-11-02T00:00:00.000Z");
    bad.lines.push({ ...bad.lines[0], erpId: "dup" });
    erp.orders.push(bad, erpOrder(11, supplier, "2026-11-02T00:00:01.000Z"));
    expect(await pollPurchaseOrders(t.db, erp)).toEqual({ orders: 2, created: 1, failed: 1 });
    expect(await t.db.purchaseOrder.count({ where: { erpId: { in: ["po-10", "po-11"] } } })).toBe(1);
    const log = await t.db.erpSyncLog.findFirstOrThrow({ where: { operation: "event.ingestPurchaseOrder", status: "failed" } });
    expect(log.request).toMatchObject({ erpId: "po-10" });
    erp.orders.splice(erp.orders.indexOf(bad), 1);
  });

  it("runs as one recurring job that survives an ERP outage", async () => {
    const admin = await t.actor("admin");
    await saveConnection(t.db, admin, { kind: "tryton", url: "http://127.0.0.1:1", database: "x", username: "u", password: "p", pollSeconds: 60 });
    overrideConnector(erp);
    await ensureErpPoller(t.db);
    await ensureErpPoller(t.db);
    expect(await t.db.job.count({ where: { kind: "erp.poll" } })).toBe(1);
    erp.orders.push(erpOrder(4, supplier));
    erp.down = true;
    await drainJobs(t.db, 0, 1);
    expect(await t.db.job.findFirstOrThrow({ where: { kind: "erp.poll" } })).toMatchObject({ status: "pending", attempts: 0 });
    expect((await t.db.erpConnection.findUniqueOrThrow({ where: { id: "default" } })).healthOk).toBe(false);
    erp.down = false;
    await drainJobs(t.db, 61_000, 1);
    expect(await t.db.purchaseOrder.count({ where: { erpId: "po-4" } })).toBe(1);
    const job = await t.db.job.findFirstOrThrow({ where: { kind: "erp.poll" } });
    expect(job.status).toBe("pending");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it("the webhook answers 401 without the right bearer token, and 401 when no token is configured", async () => {
    overrideConnector(erp);
    expect((await webhook(t.db, post({ event: "poll" }))).status).toBe(401);
    process.env.ERP_WEBHOOK_TOKEN = TOKEN;
    expect((await webhook(t.db, post({ event: "poll" }, null))).status).toBe(401);
    expect((await webhook(t.db, post({ event: "poll" }, "Bearer wrong"))).status).toBe(401);
    expect((await webhook(t.db, post({ event: "poll" }, `Basic ${TOKEN}`))).status).toBe(401);
  });

  it("answers 400 with a JSON error for bad bodies", async () => {
    process.env.ERP_WEBHOOK_TOKEN = TOKEN;
    for (const body of ["not json", "{}", JSON.stringify({ event: "purchase_order" }), JSON.stringify({ event: "nope" }), "[]"]) {
      const r = await webhook(t.db, post(body));
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: "validation" } });
    }
  });

  it("starts the flow of a named order once, polls on request, 404s an unknown order and 502s a failing ERP", async () => {
    process.env.ERP_WEBHOOK_TOKEN = TOKEN;
    overrideConnector(erp);
    erp.orders.push(erpOrder(5, supplier, "2000-01-01T00:00:00.000Z"));
    const first = await webhook(t.db, post({ event: "purchase_order", erpId: "po-5" }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, created: true });
    const again = await webhook(t.db, post({ event: "purchase_order", erpId: "po-5" }));
    expect(await again.json()).toMatchObject({ ok: true, created: false });
    expect(await t.db.processInstance.count({ where: { businessKey: "PUR-00005" } })).toBe(1);

    erp.orders.push(erpOrder(6, supplier, "2026-11-03T00:00:00.000Z"));
    const polled = await webhook(t.db, post({ event: "poll" }));
    expect(await polled.json()).toMatchObject({ ok: true, created: 1 });

    expect((await webhook(t.db, post({ event: "purchase_order", erpId: "po-404" }))).status).toBe(404);
    erp.down = true;
    const down = await webhook(t.db, post({ event: "purchase_order", erpId: "po-6" }));
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: { code: "erp_unavailable" } });
    expect(await t.db.erpSyncLog.count({ where: { operation: "event.webhook.purchaseOrder", status: "failed" } })).toBe(1);
  });
});
