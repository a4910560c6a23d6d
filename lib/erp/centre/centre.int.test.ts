import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";
import { dbKinds, freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";
import { parseFailedWritesQuery, parseMappingQuery, parseMasterDataQuery, parseSyncLogQuery } from "./centre.schema";
import { countMasterData } from "./count-master-data";
import { getConnectorOverview } from "./get-connector-overview";
import { getSyncLogEntry } from "./get-sync-log-entry";
import { listFailedWrites } from "./list-failed-writes";
import { listMappings } from "./list-mappings";
import { listMasterData } from "./list-master-data";
import { listProducts } from "./list-products";
import { listSyncLog } from "./list-sync-log";

const kinds = await dbKinds();

describe.each(kinds)("integration centre read side on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    const db = opened.db;
    await seedDemo(db);
    // What a Tryton sync and some writes leave behind, instead of the built-in demo data.
    await db.masterData.deleteMany({});
    await db.product.deleteMany({});
    await db.erpConnection.upsert({ where: { id: "default" }, create: { kind: "tryton", url: "http://erp.test:8000", database: "ff", username: "admin", passwordEnc: "sealed", pollSeconds: 120, healthOk: true, healthAt: new Date() }, update: {} });
    await db.masterData.createMany({
      data: [
        { kind: "paymentTerm", code: "NET30", name: "30 天", erpId: "1", syncedAt: new Date() },
        { kind: "paymentTerm", code: "T-2", name: "60 天", erpId: "2", syncedAt: new Date() },
        { kind: "paymentTerm", code: "LOCAL", name: "仅本地" },
        { kind: "tax", code: "VAT13", name: "增值税 13%", erpId: "7", attrs: { rate: 0.13 } },
      ],
    });
    await db.product.createMany({ data: [{ code: "P-100", name: "六角螺栓 M8", unitCode: "PCS", erpId: "100" }, { code: "P-200", name: "垫圈", unitCode: "PCS" }] });
    await db.erpMapping.create({ data: { entity: "paymentTerm", localCode: "NET60", erpId: "2", erpName: "60 天" } });
    await db.erpMapping.create({ data: { entity: "tax", localCode: "VAT9", erpId: "99" } });
    await db.erpCursor.create({ data: { key: "erp.products", value: "2026-11-28T00:00:00Z" } });
    const t0 = Date.parse("2026-11-27T02:00:00Z");
    for (let i = 0; i < 30; i++) {
      await db.erpSyncLog.create({
        data: {
          at: new Date(t0 + i * 60_000),
          connector: "tryton",
          direction: i % 3 === 0 ? "write" : "read",
          operation: i % 3 === 0 ? "write.upsertParty" : "read.products",
          status: i === 29 ? "failed" : "ok",
          durationMs: 10 + i,
          rows: i,
          request: { page: i },
          response: i === 29 ? undefined : { items: [{ code: `P-${i}` }] },
          error: i === 29 ? "ErpError: connection refused" : null,
        },
      });
    }
    await db.erpSyncLog.create({ data: { at: new Date("2026-11-20T01:00:00Z"), connector: "builtin", direction: "event", operation: "event.purchaseOrders", status: "ok", durationMs: 3 } });
    await db.job.createMany({
      data: [
        { kind: "erp.write", payload: { operation: "upsertParty", supplierId: "x" }, status: "failed", attempts: 5, lastError: "ErpError: down", idempotencyKey: "erp:party:S001:1" },
        { kind: "erp.write", payload: { operation: "confirmPurchaseOrder" }, status: "pending", attempts: 2, lastError: "timeout", idempotencyKey: "erp:po:1" },
        { kind: "erp.write", payload: { operation: "postGoodsReceipt" }, status: "pending", attempts: 0 },
        { kind: "service", payload: { handler: "erp.confirmOrder", executionId: "e1", elementId: "x" }, status: "failed", attempts: 5, lastError: "refused" },
        { kind: "service", payload: { handler: "ledger.record", executionId: "e2", elementId: "y" }, status: "failed", attempts: 5, lastError: "not erp" },
        { kind: "timer", payload: {}, status: "failed", attempts: 1, lastError: "not erp" },
      ],
    });
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("refuses a buyer and a supplier user everywhere", async () => {
    const db = opened.db;
    for (const who of [await employee(db, "lina"), await supplierUser(db, "supplier1")]) {
      await expect(getConnectorOverview(db, who)).rejects.toMatchObject({ code: "forbidden" });
      await expect(listSyncLog(db, who, parseSyncLogQuery({}))).rejects.toMatchObject({ code: "forbidden" });
      const anyLog = await db.erpSyncLog.findFirstOrThrow();
      await expect(getSyncLogEntry(db, who, anyLog.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(listFailedWrites(db, who, parseFailedWritesQuery({}))).rejects.toMatchObject({ code: "forbidden" });
      await expect(listMappings(db, who, parseMappingQuery({}))).rejects.toMatchObject({ code: "forbidden" });
      await expect(listMasterData(db, who, { tab: "tax", q: "", page: 1 })).rejects.toMatchObject({ code: "forbidden" });
      await expect(listProducts(db, who, parseMasterDataQuery({ tab: "product" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(countMasterData(db, who)).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("shows the connector, its counts, streams and stuck writes on the overview; a buyer lead may look", async () => {
    const db = opened.db;
    const o = await getConnectorOverview(db, await employee(db, "liuyang"));
    expect(o.connection).toMatchObject({ kind: "tryton", url: "http://erp.test:8000", pollSeconds: 120, healthOk: true });
    expect(o.connection).not.toHaveProperty("passwordEnc");
    expect(o.masterData).toMatchObject({ paymentTerm: 3, tax: 1, unit: 0 });
    expect(o.products).toEqual({ total: 2, linked: 1 });
    expect(o.suppliers.total).toBeGreaterThanOrEqual(2);
    expect(o.cursors.map((c) => c.key)).toEqual(["erp.products"]);
    expect(o.lastSync).toEqual([
      { operation: "event.purchaseOrders", at: new Date("2026-11-20T01:00:00Z") },
      { operation: "read.products", at: new Date(Date.parse("2026-11-27T02:00:00Z") + 28 * 60_000) },
    ]);
    // Pending: the retrying and the fresh write; failed: the write and the erp.* service task.
    expect(o.writes).toEqual({ pending: 2, failed: 2 });
    expect(o.recentFailures.map((f) => f.operation)).toEqual(["read.products"]);
    expect(o.failedJobs.map((j) => j.operation).sort()).toEqual(["confirmPurchaseOrder", "erp.confirmOrder", "upsertParty"]);
  });

  it("pages and filters the sync log, newest first, and opens one entry with its payloads", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const all = await listSyncLog(db, admin, parseSyncLogQuery({}));
    expect(all.total).toBe(31);
    expect(all.rows).toHaveLength(25);
    expect(all.rows[0]).toMatchObject({ status: "failed", error: "ErpError: connection refused", rows: 29 });
    expect(all.rows[0]).not.toHaveProperty("request");
    expect(all.operations).toEqual(["event.purchaseOrders", "read.products", "write.upsertParty"]);
    const last = await listSyncLog(db, admin, parseSyncLogQuery({ page: "9" }));
    expect(last.page).toBe(2);
    expect(last.rows.at(-1)!.operation).toBe("event.purchaseOrders");

    expect((await listSyncLog(db, admin, parseSyncLogQuery({ dir: "write" }))).total).toBe(10);
    expect((await listSyncLog(db, admin, parseSyncLogQuery({ status: "failed" }))).total).toBe(1);
    expect((await listSyncLog(db, admin, parseSyncLogQuery({ op: "read.products", status: "ok" }))).total).toBe(19);
    // Days are Shanghai days: 2026-11-20 09:00 there.
    expect((await listSyncLog(db, admin, parseSyncLogQuery({ from: "2026-11-20", to: "2026-11-20" }))).total).toBe(1);
    expect((await listSyncLog(db, admin, parseSyncLogQuery({ from: "2026-11-21" }))).total).toBe(30);
    // A hand-edited URL falls back to defaults.
    expect(parseSyncLogQuery({ dir: "sideways", page: "-3", from: "yesterday" })).toMatchObject({ direction: "all", page: 1, from: null });

    const entry = await getSyncLogEntry(db, admin, all.rows[1].id);
    expect(entry).toMatchObject({ operation: "read.products", request: { page: 28 }, response: { items: [{ code: "P-28" }] }, job: null });
    await expect(getSyncLogEntry(db, admin, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(getSyncLogEntry(db, admin, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists failed and retrying ERP writes only, with their operation and key", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const all = await listFailedWrites(db, admin, parseFailedWritesQuery({}));
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.operation, r.status, r.attempts]).sort()).toEqual([
      ["confirmPurchaseOrder", "pending", 2],
      ["erp.confirmOrder", "failed", 5],
      ["upsertParty", "failed", 5],
    ]);
    expect(all.rows.find((r) => r.operation === "upsertParty")).toMatchObject({ idempotencyKey: "erp:party:S001:1", lastError: "ErpError: down", instance: null });
    expect((await listFailedWrites(db, admin, parseFailedWritesQuery({ state: "failed" }))).total).toBe(2);
    expect((await listFailedWrites(db, admin, parseFailedWritesQuery({ state: "retrying" }))).rows.map((r) => r.operation)).toEqual(["confirmPurchaseOrder"]);
  });

  it("shows each mapping with the synced ERP record it points at, and pickers of ERP records", async () => {
    const db = opened.db;
    const m = await listMappings(db, await employee(db, "admin"), parseMappingQuery({}));
    expect(m.rows.map((r) => [r.entity, r.localCode, r.erpId, r.record?.name ?? null])).toEqual([
      ["paymentTerm", "NET60", "2", "60 天"],
      ["tax", "VAT9", "99", null],
    ]);
    expect(m.pickers.paymentTerm.erp).toEqual([
      { erpId: "1", code: "NET30", name: "30 天", mapped: false },
      { erpId: "2", code: "T-2", name: "60 天", mapped: true },
    ]);
    expect(m.pickers.paymentTerm.localCodes).toEqual(["LOCAL", "NET30", "T-2"]);
    const taxOnly = await listMappings(db, await employee(db, "admin"), parseMappingQuery({ entity: "tax" }));
    expect(taxOnly.rows.map((r) => r.localCode)).toEqual(["VAT9"]);
  });

  it("browses master data by kind and searches products", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    expect(await countMasterData(db, admin)).toMatchObject({ paymentTerm: 3, tax: 1, product: 2 });
    const terms = await listMasterData(db, admin, { tab: "paymentTerm", q: "", page: 1 });
    expect(terms.rows.map((r) => r.code)).toEqual(["NET30", "T-2", "LOCAL"].sort());
    expect((await listMasterData(db, admin, { tab: "paymentTerm", q: "本地", page: 1 })).rows.map((r) => r.code)).toEqual(["LOCAL"]);
    expect((await listProducts(db, admin, parseMasterDataQuery({ tab: "product", q: "螺栓" }))).rows.map((r) => r.code)).toEqual(["P-100"]);
    expect((await listProducts(db, admin, parseMasterDataQuery({ tab: "product", q: "p-" }))).total).toBe(2);
    expect(parseMasterDataQuery({ tab: "nope" }).tab).toBe("paymentTerm");
  });

  it("a failed write retried by an admin leaves the failed list; the connection test is logged with its answer", async () => {
    const db = opened.db;
    const admin = await employee(db, "admin");
    const [failed] = (await listFailedWrites(db, admin, parseFailedWritesQuery({ state: "failed" }))).rows.filter((r) => r.operation === "upsertParty");
    await retryFailedJob(db, admin, failed.id);
    expect((await listFailedWrites(db, admin, parseFailedWritesQuery({ state: "failed" }))).rows.map((r) => r.operation)).toEqual(["erp.confirmOrder"]);
    expect((await getConnectorOverview(db, admin)).writes).toEqual({ pending: 3, failed: 1 });

    const { testConnection } = await import("@/lib/erp/test-connection");
    await db.erpConnection.update({ where: { id: "default" }, data: { kind: "builtin" } });
    const r = await testConnection(db, admin);
    expect(r.ok).toBe(true);
    const [newest] = (await listSyncLog(db, admin, parseSyncLogQuery({ op: "read.testConnection" }))).rows;
    expect(newest).toMatchObject({ connector: "builtin", direction: "read", status: "ok" });
    const entry = await getSyncLogEntry(db, admin, newest.id);
    expect(entry.response).toMatchObject({ version: expect.any(String) });
    expect((await getConnectorOverview(db, admin)).connection).toMatchObject({ kind: "builtin", healthOk: true });
  });
});
