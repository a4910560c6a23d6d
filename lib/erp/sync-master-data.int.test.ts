import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, freshDb } from "@/test/db";
import { fakeErp, type FakeErp } from "@/test/erp/erp-test-kit";
import { createBuiltinConnector } from "./builtin-connector";
import { syncMasterData } from "./sync-master-data";

const kinds = await dbKinds();
const PRODUCTS = 10_000;
const SUPPLIERS = 1_500;
const CUSTOMERS = 500;
const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, 0) + s * 1000).toISOString();

function bigErp(): FakeErp {
  const erp = fakeErp();
  erp.masters.paymentTerm = [
    { erpId: "1", code: null, name: "30 days", attrs: {}, active: true },
    { erpId: "2", code: null, name: "60 days", attrs: {}, active: true },
  ];
  erp.masters.tax = [{ erpId: "11", code: null, name: "VAT 13%", attrs: { rate: 0.13, type: "percentage" }, active: true }];
  erp.masters.currency = [{ erpId: "21", code: "CNY", name: "Yuan", attrs: { symbol: "¥" }, active: true }];
  erp.masters.unit = [{ erpId: "31", code: "u", name: "Unit", attrs: { symbol: "u" }, active: true }];
  for (let i = 0; i < PRODUCTS; i++) erp.products.push({ erpId: String(1000 + i), code: `PX-${i}`, name: `Product ${i}`, unitCode: "u", params: { spec: `S${i % 17}`, material: "steel" }, active: true, writeAt: at(i % 3600) });
  for (let i = 0; i < SUPPLIERS; i++) erp.parties.supplier.push({ erpId: String(50_000 + i), code: `SUP-${i}`, name: `Supplier ${i}`, taxCode: null, address: `Road ${i}`, writeAt: at(i) });
  for (let i = 0; i < CUSTOMERS; i++) erp.parties.customer.push({ erpId: String(60_000 + i), code: `CUS-${i}`, name: `Customer ${i}`, taxCode: null, address: null, writeAt: at(i) });
  return erp;
}

describe.each(kinds)("master-data sync on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  const erp = bigErp();
  beforeAll(async () => {
    opened = await freshDb(kind);
    await opened.db.erpMapping.create({ data: { entity: "paymentTerm", localCode: "NET30", erpId: "1", erpName: "30 days" } });
  });
  afterAll(async () => opened?.close());

  it(`copies ${PRODUCTS} products and ${SUPPLIERS + CUSTOMERS} parties in pages`, async () => {
    const t0 = Date.now();
    const r = await syncMasterData(opened.db, erp, {});
    const ms = Date.now() - t0;
    const rows = PRODUCTS + SUPPLIERS + CUSTOMERS;
    console.log(`[measure ${kind}] full sync: ${rows} rows in ${ms} ms = ${Math.round((rows / ms) * 1000)} rows/s`);
    expect(r).toMatchObject({ skipped: false, products: { read: PRODUCTS, written: PRODUCTS }, suppliers: { read: SUPPLIERS, written: SUPPLIERS }, customers: { read: CUSTOMERS, written: CUSTOMERS } });
    expect(r.masterData.read).toBe(5);
    expect(await opened.db.product.count()).toBe(PRODUCTS);
    expect(await opened.db.supplier.count({ where: { status: "active" } })).toBe(SUPPLIERS);
    expect(await opened.db.customer.count()).toBe(CUSTOMERS);
    const p = await opened.db.product.findUniqueOrThrow({ where: { code: "PX-42" } });
    expect(p).toMatchObject({ erpId: "1042", unitCode: "u", params: { spec: "S8", material: "steel" } });
    expect(p.erpWriteAt?.toISOString()).toBe(at(42));
    // Payment terms have no code in the ERP: the mapping names one, the other gets a generated code.
    const terms = await opened.db.masterData.findMany({ where: { kind: "paymentTerm" }, orderBy: { code: "asc" } });
    expect(terms.map((t) => [t.code, t.erpId])).toEqual([["NET30", "1"], ["paymentTerm-2", "2"]]);
    expect(await opened.db.erpCursor.findUnique({ where: { key: "erp.products" } })).toMatchObject({ value: at(3599) });
  });

  it("does nothing, quickly, when nothing changed", async () => {
    const t0 = Date.now();
    const r = await syncMasterData(opened.db, erp, {});
    const ms = Date.now() - t0;
    console.log(`[measure ${kind}] incremental sync with nothing changed: ${ms} ms`);
    expect(ms).toBeLessThan(2000);
    expect(r.products).toEqual({ read: 0, written: 0 });
    expect(r.suppliers).toEqual({ read: 0, written: 0 });
    expect(r.masterData.written).toBe(0);
  });

  it("writes only what changed; a renamed code follows its ERP id; a full re-read writes nothing new", async () => {
    erp.products[7] = { ...erp.products[7], name: "Renamed", code: "PX-7-NEW", writeAt: at(4000) };
    erp.parties.supplier[3] = { ...erp.parties.supplier[3], name: "Supplier three Ltd", writeAt: at(4000) };
    const r = await syncMasterData(opened.db, erp, {});
    expect(r.products).toEqual({ read: 1, written: 1 });
    expect(r.suppliers).toEqual({ read: 1, written: 1 });
    expect(await opened.db.product.findUniqueOrThrow({ where: { erpId: "1007" } })).toMatchObject({ code: "PX-7-NEW", name: "Renamed" });
    expect(await opened.db.product.count()).toBe(PRODUCTS);

    const full = await syncMasterData(opened.db, erp, { full: true });
    expect(full.products).toEqual({ read: PRODUCTS, written: 0 });
    expect(full.suppliers.written).toBe(0);
    expect(await opened.db.erpSyncLog.count({ where: { operation: "read.products", status: "ok" } })).toBeGreaterThan(10);
  });

  it("is a no-op for the built-in connector, whose master data is the app's own", async () => {
    const before = await opened.db.masterData.count();
    const r = await syncMasterData(opened.db, createBuiltinConnector(opened.db), { full: true });
    expect(r.skipped).toBe(true);
    expect(r.masterData).toEqual({ read: before, written: 0 });
    expect(await opened.db.masterData.count()).toBe(before);
    // The reads are logged, so "sync now" leaves a trace in the integration centre.
    expect(await opened.db.erpSyncLog.count({ where: { connector: "builtin", operation: { startsWith: "read.masterData." }, status: "ok" } })).toBe(6);
  });
});
