import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs, erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { notice } from "@/test/erp/receiving-kit";
import { openTasks, supplierUser } from "@/test/workflow-fixtures";
import type { ErpDeliveryPlan } from "./connector";
import { overrideConnector } from "./get-connector";
import { ingestPurchaseOrder } from "./ingest-purchase-order";
import { pollDeliveryPlans } from "./poll-delivery-plans";
import { pollPurchaseOrders } from "./poll-orders";
import { apiRoute } from "@/lib/api/api-route";
import { handleErpWebhook as handle, WEBHOOK_ROUTE } from "./webhook";
import { listFailedWrites } from "./centre/list-failed-writes";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";

// Delivery plans as ERP events (SRM-7), against a scriptable ERP: new plans start the
// delivery flow once, changes before shipping restart it, vanished plans are cancelled,
// and a changed open purchase order restarts its confirmation. The same against real
// Tryton and the built-in connector: test/erp/erp-conformance.int.test.ts.

process.env.ERP_SECRET_KEY ??= "test-erp-secret-key";
const kinds = await dbKinds();
/** The webhook as its route answers (lib/api/api-route.ts): errors become their HTTP status. */
const webhook = (db: Parameters<typeof handle>[0], req: Request) => apiRoute("webhook", (r: Request) => handle(db, r), WEBHOOK_ROUTE)(req);
const TOKEN = "webhook-token-plans-0123456789";
const S001 = { erpId: "party-s001", code: "S001", name: "苏州精密五金有限公司" };

const at = (s: number) => new Date(Date.UTC(2026, 10, 5, 8, 0, s)).toISOString();
const plan = (orderN: number, id: string, quantity: number, plannedDate: string, writeAt: string): ErpDeliveryPlan => ({
  erpId: id,
  orderErpId: `po-${orderN}`,
  plannedDate,
  lines: [{ erpId: `${id}-m1`, orderLineErpId: `pol-${orderN}-1`, quantity, plannedDate }],
  writeAt,
});
const post = (body: unknown) =>
  new Request("http://app/api/erp/webhook", { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe.each(kinds)("ERP delivery plans and order changes on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const erp = fakeErp();
  const orderId = async (n: number) => (await t.db.purchaseOrder.findUniqueOrThrow({ where: { erpId: `po-${n}` } })).id;
  const planOf = (erpId: string) => t.db.deliveryPlan.findUniqueOrThrow({ where: { erpId }, include: { lines: true } });
  const status = async (id: string | null) => (await t.db.processInstance.findUniqueOrThrow({ where: { id: id! } })).status;

  beforeAll(async () => {
    t = await erpTestDb(kind);
    erp.orders.push(erpOrder(1, S001), erpOrder(2, S001), erpOrder(3, S001));
    for (const n of [1, 2, 3]) await ingestPurchaseOrder(t.db, erp.orders[n - 1]);
  });
  afterAll(async () => {
    overrideConnector(null);
    await t?.close();
  });
  afterEach(() => {
    delete process.env.ERP_WEBHOOK_TOKEN;
  });

  it("a new plan is taken in once and starts one delivery flow, with the supplier's shipping task", async () => {
    erp.plans.push(plan(1, "dp-1", 100, "2026-12-01", at(1)));
    const other = kind === "postgresql" ? await openDb({ mode: "postgresql", url: t.url! }) : null;
    try {
      const results = await Promise.all([pollDeliveryPlans(t.db, erp), pollDeliveryPlans(other?.db ?? t.db, erp)]);
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(1);
    } finally {
      await other?.close();
    }
    const p = await planOf("dp-1");
    expect(p).toMatchObject({ number: "DP-PUR-00001-1", status: "planned", orderId: await orderId(1), revision: 1 });
    expect(p.lines.map((l) => Number(l.quantity))).toEqual([100]);
    expect(await t.db.processInstance.count({ where: { recordType: "DeliveryPlan", recordId: p.id } })).toBe(1);
    expect(await openTasks(t.db, p.instanceId!)).toMatchObject([{ elementId: "supplier_ship", candidateSupplierId: p.supplierId }]);
    expect(await t.db.auditLog.count({ where: { action: "delivery_plan.received", entityId: p.id } })).toBe(1);
    expect(await pollDeliveryPlans(t.db, erp)).toMatchObject({ created: 0, changed: 0, cancelled: 0, failed: 0 });
  });

  it("a plan changed in the ERP before shipping withdraws the open task and starts the flow again", async () => {
    const before = await planOf("dp-1");
    erp.plans.splice(0, 1, plan(1, "dp-1", 60, "2026-12-03", at(2)));
    expect(await pollDeliveryPlans(t.db, erp)).toMatchObject({ created: 0, changed: 1 });
    const after = await planOf("dp-1");
    expect(after).toMatchObject({ revision: 2, status: "planned" });
    expect(after.plannedDate?.toISOString().slice(0, 10)).toBe("2026-12-03");
    expect(after.lines.map((l) => Number(l.quantity))).toEqual([60]);
    expect(await status(before.instanceId)).toBe("cancelled");
    expect(await t.db.task.findFirstOrThrow({ where: { instanceId: before.instanceId! } })).toMatchObject({ status: "cancelled" });
    expect(after.instanceId).not.toBe(before.instanceId);
    expect(await openTasks(t.db, after.instanceId!)).toMatchObject([{ elementId: "supplier_ship" }]);
    expect(await t.db.auditLog.findFirstOrThrow({ where: { action: "delivery_plan.changed", entityId: after.id } })).toMatchObject({ after: expect.objectContaining({ revision: 2 }) });
  });

  it("once the supplier has shipped, ERP changes to the plan are not taken", async () => {
    const p = await planOf("dp-1");
    const [task] = await openTasks(t.db, p.instanceId!);
    // Another supplier's portal user cannot even see it.
    await expect(completeTask(t.db, await supplierUser(t.db, "supplier2"), { taskId: task.id, data: { shippedDate: "2026-12-02", waybillNo: "X" } })).rejects.toMatchObject({ code: "not_found" });
    await completeTask(t.db, await supplierUser(t.db, "supplier1"), { taskId: task.id, data: { shippedDate: "2026-12-02", waybillNo: "SF123456", shippedLots: notice(Object.fromEntries(p.lines.map((l) => [l.id, Number(l.quantity)]))) } });
    await drainJobs(t.db);
    expect(await planOf("dp-1")).toMatchObject({ status: "shipped", waybillNo: "SF123456" });
    expect(await openTasks(t.db, p.instanceId!)).toMatchObject([{ elementId: "pre_receipt" }]);
    erp.plans.splice(0, 1, plan(1, "dp-1", 10, "2026-12-09", at(3)));
    expect(await pollDeliveryPlans(t.db, erp)).toMatchObject({ changed: 0 });
    expect((await planOf("dp-1")).revision).toBe(2);
  });

  it("an order confirmed directly in the ERP arrives with its plan, as confirmed and without a confirmation flow", async () => {
    erp.orders.push(erpOrder(9, S001));
    erp.plans.push(plan(9, "dp-9", 100, "2026-12-05", at(4)));
    expect(await pollDeliveryPlans(t.db, erp)).toMatchObject({ created: 1, failed: 0 });
    const po = await t.db.purchaseOrder.findUniqueOrThrow({ where: { erpId: "po-9" } });
    expect(po).toMatchObject({ status: "confirmed", instanceId: null });
    expect(await t.db.processInstance.count({ where: { recordType: "PurchaseOrder", recordId: po.id } })).toBe(0);
    expect((await planOf("dp-9")).instanceId).toBeTruthy();
  });

  it("a planned delivery that the ERP no longer lists for its order is cancelled, with its flow", async () => {
    erp.plans.push(plan(2, "dp-2a", 100, "2026-12-06", at(5)));
    await pollDeliveryPlans(t.db, erp);
    const old = await planOf("dp-2a");
    // The ERP re-planned order 2 as another delivery.
    erp.plans.splice(erp.plans.findIndex((p) => p.erpId === "dp-2a"), 1, plan(2, "dp-2b", 100, "2026-12-08", at(6)));
    expect(await pollDeliveryPlans(t.db, erp)).toMatchObject({ created: 1, cancelled: 1 });
    expect(await planOf("dp-2a")).toMatchObject({ status: "cancelled" });
    expect(await status(old.instanceId)).toBe("cancelled");
    expect(await t.db.auditLog.count({ where: { action: "delivery_plan.cancelled", entityId: old.id } })).toBe(1);
    expect((await planOf("dp-2b")).status).toBe("planned");
  });

  it("a plan for an order still open here means the buyer confirmed it in the ERP: the order is confirmed and its confirmation task withdrawn", async () => {
    // Order 2 was open with the supplier's confirmation task when its first plan arrived.
    const po = await t.db.purchaseOrder.findUniqueOrThrow({ where: { erpId: "po-2" } });
    expect(po.status).toBe("confirmed");
    expect(await status(po.instanceId)).toBe("cancelled");
    expect(await t.db.task.count({ where: { instanceId: po.instanceId!, status: "open" } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "purchase_order.confirmed_in_erp", entityId: po.id } })).toBe(1);
  });

  it("a plan naming a line its order does not have is logged as failed and changes nothing", async () => {
    const bad = plan(3, "dp-3", 5, "2026-12-07", at(7));
    bad.lines[0].orderLineErpId = "no-such-line";
    erp.plans.push(bad);
    expect(await pollDeliveryPlans(t.db, erp)).toMatchObject({ created: 0, failed: 1 });
    expect(await t.db.deliveryPlan.count({ where: { erpId: "dp-3" } })).toBe(0);
    expect(await t.db.erpSyncLog.count({ where: { operation: "event.ingestDeliveryPlan", status: "failed" } })).toBe(1);
    erp.plans.splice(erp.plans.indexOf(bad), 1);
  });

  it("the webhook takes a named plan once, 404s an unknown one and refuses an oversized body without reading it all", async () => {
    process.env.ERP_WEBHOOK_TOKEN = TOKEN;
    overrideConnector(erp);
    erp.plans.push(plan(2, "dp-2w", 100, "2026-12-10", "2000-01-01T00:00:00.000Z"));
    const first = await webhook(t.db, post({ event: "delivery_plan", erpId: "dp-2w" }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, created: true });
    expect(await (await webhook(t.db, post({ event: "delivery_plan", erpId: "dp-2w" }))).json()).toMatchObject({ created: false, changed: false });
    expect((await webhook(t.db, post({ event: "delivery_plan", erpId: "dp-404" }))).status).toBe(404);
    const big = await webhook(t.db, post(JSON.stringify({ event: "poll", pad: "x".repeat(70_000) })));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "request_too_large" } });
  });

  it("a plan fetch that fails while the ERP is down shows as a failed ERP job; an integration manager's retry brings the plan in", async () => {
    overrideConnector(erp);
    erp.plans.push(plan(1, "dp-1-late", 40, "2026-12-20", at(30)));
    await t.db.job.create({ data: { kind: "erp.pollDeliveryPlans", idempotencyKey: "erp.pollDeliveryPlans:test", payload: { orderId: "x" }, maxAttempts: 2 } });
    erp.down = true;
    await drainJobs(t.db);
    erp.down = false;
    const admin = await t.actor("admin");
    const failed = await listFailedWrites(t.db, admin, { state: "failed", page: 1 });
    const row = failed.rows.find((r) => r.idempotencyKey === "erp.pollDeliveryPlans:test")!;
    expect(row).toMatchObject({ operation: "erp.pollDeliveryPlans", status: "failed", attempts: 2 });
    expect(await t.db.deliveryPlan.count({ where: { erpId: "dp-1-late" } })).toBe(0);
    await retryFailedJob(t.db, admin, row.id, { permission: "integration.manage" });
    await drainJobs(t.db);
    expect(await t.db.deliveryPlan.count({ where: { erpId: "dp-1-late" } })).toBe(1);
    overrideConnector(null);
  });

  it("an open purchase order changed in the ERP gets the new lines and a new confirmation task; a confirmed one is kept", async () => {
    const id = await orderId(3);
    const first = await t.db.purchaseOrder.findUniqueOrThrow({ where: { id } });
    const changed = { ...erpOrder(3, S001, at(20)), lines: [{ ...erpOrder(3, S001).lines[0], quantity: 250, unitPrice: 0.45 }] };
    erp.orders.splice(2, 1, changed);
    await pollPurchaseOrders(t.db, erp);
    const po = await t.db.purchaseOrder.findUniqueOrThrow({ where: { id }, include: { lines: true } });
    expect(po).toMatchObject({ revision: 2, status: "open" });
    expect(po.lines.map((l) => [Number(l.quantity), Number(l.unitPrice)])).toEqual([[250, 0.45]]);
    expect(await status(first.instanceId)).toBe("cancelled");
    expect(await openTasks(t.db, po.instanceId!)).toMatchObject([{ elementId: "supplier_confirm" }]);
    expect(await t.db.auditLog.count({ where: { action: "purchase_order.changed_in_erp", entityId: id } })).toBe(1);
    // The same content again changes nothing.
    expect(await ingestPurchaseOrder(t.db, changed)).toMatchObject({ created: false, changed: false });

    const confirmedId = await orderId(9);
    erp.orders.push({ ...erpOrder(9, S001, at(21)), lines: [{ ...erpOrder(9, S001).lines[0], quantity: 1 }] });
    expect(await ingestPurchaseOrder(t.db, erp.orders.at(-1)!)).toMatchObject({ changed: false });
    expect((await t.db.purchaseOrderLine.findFirstOrThrow({ where: { orderId: confirmedId } })).quantity.toNumber()).toBe(100);
  });
});
