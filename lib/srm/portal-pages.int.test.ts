import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { ingestDeliveryPlan } from "../erp/ingest-delivery-plan";
import { ingestPurchaseOrder } from "../erp/ingest-purchase-order";
import type { Translate } from "../errors/translate-error";
import { loadMessages } from "../i18n/messages";
import { exportPortalReceipts } from "./export-portal-receipts";
import { listPortalDeliveries } from "./portal-deliveries";
import { listPortalDocuments } from "./portal-documents";
import { getPortalHome } from "./portal-home";
import { parsePortalListQuery } from "./portal-lists.schema";
import { getPortalOrder, listPortalOrders } from "./portal-orders";
import { listPortalReceipts } from "./portal-receipts";

const kinds = await dbKinds();
const S001 = { erpId: "party-s001", code: "S001", name: "苏州精密五金有限公司" };
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };
const ALL = parsePortalListQuery({});

function storedFile(ownerType: string, ownerId: string, supplierId: string, name: string) {
  return { storageKey: randomUUID(), name, contentType: "application/pdf", size: 2048, sha256: "x", ownerType, ownerId, supplierId, uploadedBy: "test", uploadRealm: "employee" as const };
}

async function readBook(stream: ReadableStream<Uint8Array>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.fromWeb(stream as never));
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

describe.each(kinds)("the supplier portal's scoped read models on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const erp = fakeErp();
  const orderId: Record<number, string> = {};
  beforeAll(async () => {
    t = await erpTestDb(kind);
    // S001: the demo order (open, waiting for confirmation) and two ERP orders due 2026-11-20;
    // S002: one ERP order. Each ERP order has a planned delivery.
    for (const [n, s] of [[51, S001], [52, S001], [61, S002]] as const) {
      await ingestPurchaseOrder(t.db, erpOrder(n, s));
      await ingestDeliveryPlan(t.db, erp, { erpId: `dp-${n}`, orderErpId: `po-${n}`, plannedDate: "2026-11-20", lines: [{ erpId: `m-${n}`, orderLineErpId: `pol-${n}-1`, quantity: 100, plannedDate: "2026-11-20" }], writeAt: "2026-11-02T00:00:00.000Z" });
      orderId[n] = (await t.db.purchaseOrder.findUniqueOrThrow({ where: { erpId: `po-${n}` } })).id;
    }
    // Receipts as the warehouse's step books them (the flow is covered elsewhere): 51 complete
    // and on time; 52 short by the due day with 10 rejected; 61 complete.
    const receive = async (n: number, number: string, accepted: number, rejected: number) => {
      const line = await t.db.purchaseOrderLine.findFirstOrThrow({ where: { orderId: orderId[n] } });
      const plan = await t.db.deliveryPlan.findUniqueOrThrow({ where: { erpId: `dp-${n}` } });
      const { supplierId } = await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: orderId[n] } });
      await t.db.goodsReceipt.create({
        data: { number, orderId: orderId[n], supplierId, deliveryPlanId: plan.id, receivedAt: new Date("2026-11-19T02:00:00Z"), lines: { create: [{ orderLineId: line.id, acceptedQuantity: accepted, rejectedQuantity: rejected }] } },
      });
    };
    await receive(51, "GR-TEST-0051", 100, 0);
    await receive(52, "GR-TEST-0052", 90, 10);
    await receive(61, "GR-TEST-0061", 100, 0);
    const s1 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const s2 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S002" } });
    await t.db.storedFile.create({ data: storedFile("Supplier", s1.id, s1.id, "S001营业执照.pdf") });
    await t.db.storedFile.create({ data: storedFile("Supplier", s2.id, s2.id, "S002营业执照.pdf") });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows supplier2 none of supplier1's orders, plans, receipts or files", async () => {
    const s2 = await supplierUser(t.db, "supplier2");
    expect((await listPortalOrders(t.db, s2, ALL)).rows.map((r) => r.number)).toEqual(["PUR-00061"]);
    expect((await listPortalDeliveries(t.db, s2, ALL)).rows.map((r) => r.number)).toEqual(["DP-PUR-00061-1"]);
    expect((await listPortalReceipts(t.db, s2, ALL)).rows.map((r) => r.number)).toEqual(["GR-TEST-0061"]);
    expect((await listPortalDocuments(t.db, s2, ALL)).rows.map((r) => r.name)).toEqual(["S002营业执照.pdf"]);
    // A search for supplier1's numbers finds nothing either.
    expect((await listPortalOrders(t.db, s2, parsePortalListQuery({ q: "PUR-00051" }))).total).toBe(0);
    expect((await listPortalReceipts(t.db, s2, parsePortalListQuery({ q: "GR-TEST-0052" }))).total).toBe(0);
    // LIKE's wildcards typed into the search are taken literally: the page and its count agree.
    for (const q of ["%", "_", "PUR_00061"]) {
      const found = await listPortalOrders(t.db, s2, parsePortalListQuery({ q }));
      expect({ q, total: found.total, rows: found.rows.length }).toEqual({ q, total: 0, rows: 0 });
    }
    expect((await listPortalOrders(t.db, s2, parsePortalListQuery({ q: "pur-00061" }))).rows.map((r) => r.number)).toEqual(["PUR-00061"]);
  });

  it("answers another supplier's, an unknown and a malformed order id alike: not found", async () => {
    const s2 = await supplierUser(t.db, "supplier2");
    for (const id of [orderId[51], randomUUID(), "abc", "' OR 1=1 --"]) await expect(getPortalOrder(t.db, s2, id)).rejects.toMatchObject({ code: "not_found" });
    const own = await getPortalOrder(t.db, s2, orderId[61]);
    expect(own).toMatchObject({ order: { number: "PUR-00061" }, lines: [{ lineNo: 1, quantity: 100, receivedQuantity: expect.any(Number) }], plans: [{ number: "DP-PUR-00061-1" }], receipts: [{ number: "GR-TEST-0061", lines: [{ lineNo: 1, accepted: 100, rejected: 0 }] }], taskId: null });
  });

  it("is for portal users only", async () => {
    const buyer = await t.actor("lina");
    await expect(listPortalOrders(t.db, buyer, ALL)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPortalOrder(t.db, buyer, orderId[51])).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPortalHome(t.db, null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("gives supplier1's home its waiting order with the task, overdue deliveries and its rates", async () => {
    const s1 = await supplierUser(t.db, "supplier1");
    const home = await getPortalHome(t.db, s1);
    const demo = home.orders.rows.find((r) => !r.number.startsWith("PUR-"));
    expect(demo?.status).toBe("open");
    expect(demo?.taskId).toEqual(expect.any(String));
    const task = await t.db.task.findUniqueOrThrow({ where: { id: demo!.taskId! }, select: { candidateSupplierId: true, status: true } });
    expect(task).toEqual({ candidateSupplierId: s1.supplierId, status: "open" });
    // Planned for 2026-11-20 (before today): soonest first, marked overdue.
    expect(home.deliveries.rows.map((p) => [p.number, p.overdue])).toEqual([["DP-PUR-00051-1", true], ["DP-PUR-00052-1", true]]);
    expect(home.receipts).toMatchObject({ total: 1, rows: [{ number: "GR-TEST-0052", lines: [{ received: 100, accepted: 90, rejected: 10 }] }] });
    expect(home.documents.rows.map((f) => f.name)).toEqual(["S001营业执照.pdf"]);
    // On time: 51 complete by its day; late: 52 short past its day; the demo order has no date (not counted).
    expect(home.onTime).toMatchObject({ onTime: 1, late: 1, counted: 2, rate: 0.5 });
    // Acceptance: 190 accepted of 200 received, in pieces.
    expect(home.acceptance).toEqual([{ unit: { code: "PCS", nameZh: "件", nameEn: "pcs" }, accepted: 190, received: 200, rate: 0.95 }]);
    const s2home = await getPortalHome(t.db, await supplierUser(t.db, "supplier2"));
    expect(s2home.acceptance[0]).toMatchObject({ accepted: 100, received: 100, rate: 1 });
    expect(s2home.orders.rows.every((r) => r.number === "PUR-00061")).toBe(true);
  });

  it("filters lists by status and number, and pages them", async () => {
    const s1 = await supplierUser(t.db, "supplier1");
    expect((await listPortalReceipts(t.db, s1, parsePortalListQuery({ status: "rejected" }, ["rejected"]))).rows.map((r) => r.number)).toEqual(["GR-TEST-0052"]);
    expect((await listPortalDeliveries(t.db, s1, parsePortalListQuery({ q: "pur-00052" }))).rows.map((r) => r.number)).toEqual(["DP-PUR-00052-1"]);
    const paged = await listPortalOrders(t.db, s1, parsePortalListQuery({ page: "2" }), 2);
    expect(paged).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(paged.rows).toHaveLength(1);
    expect(parsePortalListQuery({ status: "nope", page: "-1" }, ["open"])).toEqual({ status: "all", q: "", page: 1 });
  });

  it("exports the supplier's own receipt lines to Excel", async () => {
    const zh = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
    const book = await readBook(await exportPortalReceipts(t.db, await supplierUser(t.db, "supplier1"), {}, { locale: "zh-CN", t: zh }));
    expect(book.name).toBe("收货记录");
    expect(book.rows[0]).toEqual(["收货单号", "收货时间", "订单号", "送货计划", "行号", "物料", "物料名称", "单位", "收货数量", "合格数量", "不合格数量"]);
    const data = book.rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[7], r[8], r[9], r[10]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(data).toEqual([
      ["GR-TEST-0051", "PUR-00051", "DP-PUR-00051-1", 1, "P-1001", "件", 100, 100, 0],
      ["GR-TEST-0052", "PUR-00052", "DP-PUR-00052-1", 1, "P-1001", "件", 100, 90, 10],
    ]);
    // Shanghai wall-clock time in the cell: 02:00 UTC is 10:00 in the factory.
    expect((book.rows[1][1] as Date).toISOString()).toBe("2026-11-19T10:00:00.000Z");
    const s2 = await readBook(await exportPortalReceipts(t.db, await supplierUser(t.db, "supplier2"), { status: "rejected" }, { locale: "zh-CN", t: zh }));
    expect(s2.rows).toHaveLength(1);
    await expect(exportPortalReceipts(t.db, await t.actor("lina"), {}, { locale: "zh-CN", t: zh })).rejects.toMatchObject({ code: "forbidden" });
  });
});
