// The one ERP suite, run for every connector: what the proof asks of an ERP
// integration, checked through the app (lib/erp, lib/srm, the workflow) on one side
// and through the peer (what really arrived in the ERP) on the other.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { saveConnection } from "@/lib/erp/connection";
import { getConnector } from "@/lib/erp/get-connector";
import { writeCursor } from "@/lib/erp/cursor";
import { DELIVERY_PLANS_CURSOR, pollDeliveryPlans } from "@/lib/erp/poll-delivery-plans";
import { pollPurchaseOrders } from "@/lib/erp/poll-orders";
import { saveMapping } from "@/lib/erp/save-mapping";
import { handleErpWebhook } from "@/lib/erp/webhook";
import { approveSupplier } from "@/lib/srm/approve-supplier";
import { createSupplier } from "@/lib/srm/create-supplier";
import { createSupplierUser } from "@/lib/srm/supplier-accounts";
import { updateSupplier } from "@/lib/srm/update-supplier";
import { completeTask } from "@/lib/workflow/complete-task";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";
import { openTasks, supplierUser } from "@/test/workflow-fixtures";
import { dbKinds } from "../db";
import { createBuiltinPeer } from "./builtin-peer";
import { erpTestDb } from "./erp-db";
import type { ErpPeer } from "./erp-peer";
import { drainJobs } from "./erp-test-kit";
import { lotRows, notice, receiveLots } from "./receiving-kit";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";
import { createTrytonPeer } from "./tryton-peer";

process.env.ERP_SECRET_KEY ??= "conformance-erp-secret";
const WEBHOOK_TOKEN = "conformance-webhook-token";
const kinds = await dbKinds();
const trytonUnavailable = await createTrytonPeer().unavailable();
if (trytonUnavailable) console.log(`[erp-conformance] tryton skipped: ${trytonUnavailable}`);
console.log(
  kinds.includes("postgresql")
    ? "[erp-conformance] the crash case runs with the app on PostgreSQL only: an in-memory PGlite database cannot be shared with the worker process that is killed"
    : "[erp-conformance] crash case skipped: it needs PostgreSQL (an in-memory PGlite database cannot be shared with the worker process that is killed)",
);

type Setup = { peer: ErpPeer; proxy: TcpProxy | null };
const PEERS: { name: "builtin" | "tryton"; skip: string | null; make: (db: Db) => Promise<Setup> }[] = [
  { name: "builtin", skip: null, make: async (db) => ({ peer: createBuiltinPeer(db), proxy: null }) },
  {
    name: "tryton",
    skip: trytonUnavailable,
    make: async () => {
      const peer = createTrytonPeer();
      return { peer, proxy: await startTcpProxy(peer.connection().url!) };
    },
  },
];
const cases = PEERS.flatMap((p) => kinds.map((k) => ({ ...p, db: k })));

describe.each(cases)("ERP conformance: $name connector, app on $db", ({ name, skip, make, db: dbKind }) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let s: Setup;
  let prepared: Awaited<ReturnType<ErpPeer["prepare"]>>;
  const run = randomUUID().slice(0, 6).toUpperCase();
  const code = `FFC${run}`;
  let supplierId = "";
  let portalUser = "";

  /** Takes the ERP away: the TCP proxy for Tryton; for the built-in connector the ERP_BUILTIN_DOWN fault switch. */
  const erpDown = async () => (s.proxy ? s.proxy.down() : void (process.env.ERP_BUILTIN_DOWN = "1"));
  const erpUp = async () => (s.proxy ? s.proxy.up() : void delete process.env.ERP_BUILTIN_DOWN);

  /** A purchase order made where this connector's buyers make them, brought into the app, with its flow. */
  async function newOrder(quantity: number, via: "webhook" | "poll") {
    const made = await s.peer.createPurchaseOrder({ supplierCode: code, supplierName: "Conformance supplier", lines: [{ productCode: prepared.productCode, quantity, unitPrice: 2.5 }] });
    if (name !== "builtin") {
      if (via === "webhook") {
        const res = await handleErpWebhook(t.db, new Request("http://app/api/erp/webhook", { method: "POST", headers: { authorization: `Bearer ${WEBHOOK_TOKEN}` }, body: JSON.stringify({ event: "purchase_order", erpId: made.erpId }) }));
        expect(res.status).toBe(200);
      } else {
        await pollPurchaseOrders(t.db, await getConnector(t.db));
      }
    }
    const po = await t.db.purchaseOrder.findUniqueOrThrow({ where: { erpId: made.erpId }, include: { lines: true } });
    return { ...made, po };
  }

  /** The supplier confirms the order, every line in full unless `quantities` (by order line id) says otherwise. */
  async function confirmAsSupplier(instanceId: string, ref: string, quantities?: Record<string, number>) {
    const [task] = await openTasks(t.db, instanceId);
    expect(task).toMatchObject({ elementId: "supplier_confirm", candidateSupplierId: supplierId });
    await completeTask(t.db, await supplierUser(t.db, portalUser), { taskId: task.id, data: { response: "confirm", confirmedDate: "2026-12-15", supplierRef: ref, ...(quantities ? { confirmedQuantities: quantities } : {}) } });
  }

  /** The delivery the ERP planned from the confirmation, arrived in the app with its flow; the supplier ships it. */
  async function shipPlannedDelivery(poId: string, quantity: number, waybill: string) {
    const plan = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: poId, status: "planned" }, include: { lines: true } });
    expect(plan.lines.map((l) => Number(l.quantity))).toEqual([quantity]);
    expect(plan.instanceId).toBeTruthy();
    const [task] = await openTasks(t.db, plan.instanceId!);
    expect(task).toMatchObject({ elementId: "supplier_ship", candidateSupplierId: supplierId });
    await completeTask(t.db, await supplierUser(t.db, portalUser), { taskId: task.id, data: { shippedDate: "2026-12-14", waybillNo: waybill, shippedLots: notice({ [plan.lines[0].id]: quantity }) } });
    await drainJobs(t.db);
    expect(await t.db.deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: "shipped", waybillNo: waybill });
    return plan;
  }

  /** The warehouse counts the plan's single lot (as shipped), quality rejects `rejected` of it, the rest is put away and the summary confirmed. */
  async function receiveAsWarehouse(plan: { instanceId: string | null; lines: { id: string }[] }, accepted: number, rejected: number, postNow = true) {
    const [task] = await openTasks(t.db, plan.instanceId!);
    expect(task).toMatchObject({ elementId: "pre_receipt", formKey: "receipt_count" });
    const [lot] = await lotRows(t.db, plan.instanceId!);
    expect(lot.shipped).toBe(accepted + rejected);
    await receiveLots(t.db, plan.instanceId!, { [lot.lotNumber]: { rejected } }, { postNow });
  }

  /**
   * Runs the due jobs in a child process that SIGKILLs itself right after the ERP accepted
   * `operation`. One node process (tsx as a loader, not its CLI wrapper), so the signal is its own.
   */
  function crashingWorker(operation: string) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/erp/run-jobs-child.ts"], {
        cwd: process.cwd(),
        env: { ...process.env, CHILD_DB_URL: t.url, ERP_FAULT_AFTER_SEND: operation, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("exit", (code, signal) => {
        if (signal !== "SIGKILL") console.log(`[erp-conformance] worker exited with ${code ?? signal}:\n${out}`);
        resolve({ code, signal, out });
      });
    });
  }

  beforeAll(async () => {
    if (skip) return;
    t = await erpTestDb(dbKind);
    s = await make(t.db);
    const admin = await t.actor("admin");
    const c = s.peer.connection();
    await saveConnection(t.db, admin, c.kind === "builtin" ? { kind: "builtin" } : { kind: c.kind, url: s.proxy!.url, database: c.database, username: c.username, password: c.password, pollSeconds: 60 });
    // The suite polls when it means to; the recurring poller would poll at every drain.
    await t.db.job.deleteMany({ where: { kind: "erp.poll" } });
    prepared = await s.peer.prepare();
    const fromNow = await s.peer.deliveryCursorNow();
    if (fromNow) await writeCursor(t.db, DELIVERY_PLANS_CURSOR, fromNow);
    process.env.ERP_WEBHOOK_TOKEN = WEBHOOK_TOKEN;
  });
  afterAll(async () => {
    delete process.env.ERP_BUILTIN_DOWN;
    await s?.proxy?.close();
    await t?.close();
  });
  afterEach(async () => {
    if (!skip && s) await erpUp().catch(() => {});
  });

  it.skipIf(!!skip)("reads payment terms and taxes", async () => {
    const connector = await getConnector(t.db);
    const terms = await connector.readMasterData("paymentTerm");
    const taxes = await connector.readMasterData("tax");
    for (const id of Object.values(prepared.paymentTerms)) expect(terms.map((r) => r.erpId)).toContain(id);
    for (const id of Object.values(prepared.taxes)) expect(taxes.map((r) => r.erpId)).toContain(id);
    const vat13 = taxes.find((r) => r.erpId === prepared.taxes["VAT 13%"]);
    expect(Number(vat13?.attrs.rate)).toBeCloseTo(0.13);
    // Where the ERP has no codes, the operator maps them once.
    const admin = await t.actor("admin");
    await saveMapping(t.db, admin, { entity: "paymentTerm", localCode: "NET30", erpId: prepared.paymentTerms["30 days"] });
    await saveMapping(t.db, admin, { entity: "paymentTerm", localCode: "NET60", erpId: prepared.paymentTerms["60 days"] });
  });

  it.skipIf(!!skip)("a supplier approved in the app appears as a party in the ERP, and a later change updates it", async () => {
    const admin = await t.actor("admin");
    const created = await createSupplier(t.db, admin, { code, name: "Conformance supplier", paymentTermCode: "NET30", address: "1 Test Road" });
    supplierId = created.id;
    portalUser = `conf${run.toLowerCase()}`;
    await createSupplierUser(t.db, admin, { supplierId, username: portalUser, name: "Portal user", password: "Conformance@2026" });
    await approveSupplier(t.db, await t.actor("liuyang"), supplierId);
    await drainJobs(t.db);
    const party = await s.peer.findParty(code);
    expect(party).toMatchObject({ code, name: "Conformance supplier", paymentTermErpId: prepared.paymentTerms["30 days"] });
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: supplierId } })).erpId).toBe(party!.erpId);

    await updateSupplier(t.db, await t.actor("lina"), { id: supplierId, name: "Conformance supplier (renamed)", paymentTermCode: "NET60", address: "1 Test Road" });
    await drainJobs(t.db);
    expect(await s.peer.findParty(code)).toMatchObject({ erpId: party!.erpId, name: "Conformance supplier (renamed)", paymentTermErpId: prepared.paymentTerms["60 days"] });
  });

  it.skipIf(!!skip)("a purchase order from the ERP starts the confirmation flow; the confirmation is written back, the ERP's delivery plan starts the delivery flow, the receipt is written back", async () => {
    const { erpId, po } = await newOrder(10, "webhook");
    expect(po).toMatchObject({ supplierId, status: "open" });
    expect(po.instanceId).toBeTruthy();

    // The supplier can deliver 9 of the 10 ordered; more than ordered is refused.
    const line = po.lines[0];
    await expect(confirmAsSupplier(po.instanceId!, `REF-${run}`, { [line.id]: 11 })).rejects.toMatchObject({ code: "validation", fieldErrors: { confirmedQuantities: "validation.line_over_quantity" } });
    await confirmAsSupplier(po.instanceId!, `REF-${run}`, { [line.id]: 9 });
    await drainJobs(t.db);
    const confirmed = await s.peer.readPurchaseOrder(erpId);
    expect(confirmed).toMatchObject({ supplierRef: `REF-${run}` });
    expect(["confirmed", "processing", "recorded"]).toContain(confirmed!.state);
    expect(confirmed!.lines).toMatchObject([{ confirmedQuantity: 9, confirmedDate: "2026-12-15" }]);
    expect(Number((await t.db.purchaseOrderLine.findUniqueOrThrow({ where: { id: line.id } })).confirmedQuantity)).toBe(9);
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: po.instanceId! } })).status).toBe("completed");

    // The ERP planned the delivery from the confirmation; the app asked for it right after writing.
    const plan = await shipPlannedDelivery(po.id, 9, `WB-${run}`);
    expect(plan.plannedDate?.toISOString().slice(0, 10)).toBe("2026-12-15");
    await receiveAsWarehouse(plan, 8, 1);
    await drainJobs(t.db);
    const receipts = await s.peer.readReceipts(erpId);
    expect(receipts).toHaveLength(1);
    expect(receipts[0].moves.filter((m) => m.quantity === 8)).toHaveLength(1);
    const gr = await t.db.goodsReceipt.findFirstOrThrow({ where: { orderId: po.id } });
    expect(gr).toMatchObject({ erpId: receipts[0].erpId, deliveryPlanId: plan.id });
    expect(receipts[0].reference).toBe(gr.number);
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: plan.instanceId! } })).status).toBe("completed");
    expect(await t.db.deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: "received" });

    if (name === "tryton") {
      // Tryton plans what is still missing (1 rejected) as a new delivery: it arrives by polling.
      await pollDeliveryPlans(t.db, await getConnector(t.db));
      const again = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: po.id, status: "planned" }, include: { lines: true } });
      expect(again.lines.map((l) => Number(l.quantity))).toEqual([1]);
      expect(await openTasks(t.db, again.instanceId!)).toMatchObject([{ elementId: "supplier_ship" }]);
      // Polling again changes nothing.
      expect(await pollDeliveryPlans(t.db, await getConnector(t.db))).toMatchObject({ created: 0, changed: 0, cancelled: 0, failed: 0 });
    } else {
      expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("confirmed");
    }
  });

  it.skipIf(!!skip || dbKind !== "postgresql")("a crash between sending and recording does not write twice (real SIGKILL of a worker process)", async () => {
    const { erpId, po } = await newOrder(6, "poll");
    await confirmAsSupplier(po.instanceId!, `CRASH-${run}`);
    await drainJobs(t.db);
    const plan = await shipPlannedDelivery(po.id, 6, `WB-CRASH-${run}`);
    await receiveAsWarehouse(plan, 6, 0, false);

    const crashed = await crashingWorker("postGoodsReceipt");
    expect(crashed.signal, crashed.out).toBe("SIGKILL");
    // The ERP has the receipt; the app has not recorded it and its job is stuck as running.
    expect(await s.peer.readReceipts(erpId)).toHaveLength(1);
    expect((await t.db.goodsReceipt.findFirstOrThrow({ where: { orderId: po.id } })).erpId).toBeNull();
    expect(await t.db.job.count({ where: { instanceId: plan.instanceId!, status: "running" } })).toBe(1);

    // Another worker claims it after the lease: the connector finds the first write.
    await drainJobs(t.db);
    const receipts = await s.peer.readReceipts(erpId);
    expect(receipts).toHaveLength(1);
    expect((await t.db.goodsReceipt.findFirstOrThrow({ where: { orderId: po.id } })).erpId).toBe(receipts[0].erpId);
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: plan.instanceId! } })).status).toBe("completed");
    expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("received");

    // The same for a party written by the outbox.
    await updateSupplier(t.db, await t.actor("lina"), { id: supplierId, name: "Conformance supplier (after crash)", paymentTermCode: "NET60", address: "1 Test Road" });
    const crashed2 = await crashingWorker("upsertParty");
    expect(crashed2.signal, crashed2.out).toBe("SIGKILL");
    await drainJobs(t.db);
    const party = await s.peer.findParty(code);
    expect(party).toMatchObject({ name: "Conformance supplier (after crash)" });
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: supplierId } })).erpId).toBe(party!.erpId);
    expect(await t.db.job.count({ where: { kind: "erp.write", status: { not: "done" } } })).toBe(0);
  });

  it.skipIf(!!skip)("ERP down: retries, then an incident; an operator's retry after it is back succeeds", async () => {
    const { erpId, po } = await newOrder(4, "poll");
    await erpDown();
    await confirmAsSupplier(po.instanceId!, `DOWN-${run}`);
    await drainJobs(t.db);
    const instance = await t.db.processInstance.findUniqueOrThrow({ where: { id: po.instanceId! } });
    expect(instance.status).toBe("incident");
    const failed = await t.db.job.findFirstOrThrow({ where: { instanceId: po.instanceId!, status: "failed" } });
    expect(failed.attempts).toBe(failed.maxAttempts);
    expect(await t.db.instanceEvent.count({ where: { instanceId: po.instanceId!, type: "job.retry" } })).toBe(failed.maxAttempts - 1);
    expect(await t.db.erpSyncLog.count({ where: { operation: "write.confirmPurchaseOrder", status: "failed" } })).toBeGreaterThanOrEqual(failed.maxAttempts);

    await erpUp();
    await retryFailedJob(t.db, await t.actor("admin"), failed.id);
    await drainJobs(t.db);
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: po.instanceId! } })).status).toBe("completed");
    expect(await s.peer.readPurchaseOrder(erpId)).toMatchObject({ supplierRef: `DOWN-${run}` });
    // The delivery plan is asked for after the write, so it arrives once the ERP is back.
    const plan = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: po.id } });
    expect(await openTasks(t.db, plan.instanceId!)).toMatchObject([{ elementId: "supplier_ship" }]);
  });
});
