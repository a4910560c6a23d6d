import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomField } from "@/lib/custom-fields/save-custom-field";
import { updateCustomValues } from "@/lib/custom-fields/update-custom-values";
import type { Translate } from "@/lib/errors/translate-error";
import { loadMessages } from "@/lib/i18n/messages";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs, erpOrder, fakeErp } from "@/test/erp/erp-test-kit";
import { receiveLots, theTask } from "@/test/erp/receiving-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { ingestDeliveryPlan } from "../erp/ingest-delivery-plan";
import { ingestPurchaseOrder } from "../erp/ingest-purchase-order";
import { createPurchaseOrder } from "./create-purchase-order";
import { exportDeliveryPlans } from "./export-delivery-plans";
import { exportPurchaseOrders } from "./export-purchase-orders";
import { exportReceipts } from "./receiving/export-receipts";
import { parseReceiptQuery } from "./receiving/receipts.schema";
import { parseSrmListQuery } from "./srm-lists.schema";

const kinds = await dbKinds();
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };

/** A streamed workbook read back: its header row and its data rows, cells from column 1. */
async function readBook(stream: ReadableStream<Uint8Array>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.read(Readable.fromWeb(stream as never));
  const sheet = book.worksheets[0];
  const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  return { name: sheet.name, header: rows[0], rows: rows.slice(1) };
}

describe.each(kinds)("Excel exports of the purchasing lists and the receipt library on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let tr: Translate;
  let s001: string;
  let s002: string;
  const erp = fakeErp();
  const zh = { locale: "zh-CN" } as const;

  beforeAll(async () => {
    t = await erpTestDb(kind);
    tr = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
    for (const n of [41, 42]) await ingestPurchaseOrder(t.db, erpOrder(n, S002));
    await ingestDeliveryPlan(t.db, erp, { erpId: "dp-42", orderErpId: "po-42", plannedDate: "2026-12-24", lines: [{ erpId: "m1", orderLineErpId: "pol-42-1", quantity: 60, plannedDate: "2026-12-24" }], writeAt: "2026-11-28T00:00:00.000Z" });
    s001 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
    s002 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S002" } })).id;
    await createCustomField(t.db, await t.actor("admin"), { entity: "purchase_order", key: "project", type: "text", labelZh: "项目", labelEn: "Project", inList: true });
    const po41 = await t.db.purchaseOrder.findUniqueOrThrow({ where: { number: "PUR-00041" } });
    await updateCustomValues(t.db, await t.actor("admin"), "purchase_order", { id: po41.id, custom: { project: "新产线" } });

    // An order of S001 confirmed, shipped in two lots, counted, inspected, put away and received.
    const po = await createPurchaseOrder(t.db, await t.actor("lina"), { supplierId: s001, lines: [{ productCode: "P-1002", quantity: 100, unitPrice: 4 }] });
    const portal = await supplierUser(t.db, "supplier1");
    const [l1] = (await t.db.purchaseOrderLine.findMany({ where: { orderId: po.id } })).map((l) => l.id);
    await completeTask(t.db, portal, { taskId: (await theTask(t.db, po.instanceId!, "supplier_confirm")).id, data: { response: "confirm", confirmedDate: "2026-12-20", confirmedQuantities: { [l1]: 100 } } });
    await drainJobs(t.db);
    const plan = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: po.id }, include: { lines: true } });
    const shippedLots = { [plan.lines[0].id]: { shipped: 100, lots: [{ lotNumber: "A1", quantity: 60 }, { lotNumber: "A2", quantity: 40 }] } };
    await completeTask(t.db, portal, { taskId: (await theTask(t.db, plan.instanceId!, "supplier_ship")).id, data: { shippedDate: "2026-12-18", waybillNo: "SF-EXPORT-1", shippedLots } });
    await drainJobs(t.db);
    await receiveLots(t.db, plan.instanceId!, { A2: { rejected: 5 } });
  });
  afterAll(async () => t?.close());

  it("exports the order lines the filters select, with headers, statuses and units in Chinese and the custom fields as columns", async () => {
    const book = await readBook(await exportPurchaseOrders(t.db, await t.actor("lina"), parseSrmListQuery({ status: "open", q: "S002" }), { ...zh, t: tr }));
    expect(book.name).toBe("采购订单");
    expect(book.header).toEqual(["订单号", "供应商编码", "供应商名称", "状态", "订单日期", "行号", "物料编码", "物料名称", "单位", "订购数量", "确认数量", "已收数量", "不合格数量", "要求交货日期", "确认交货日期", "项目"]);
    expect(book.rows).toHaveLength(1);
    const [row] = book.rows;
    expect(row.slice(0, 4)).toEqual(["PUR-00041", "S002", S002.name, "待确认"]);
    expect(row[5]).toBe(1);
    expect(row[8]).toBe("件");
    expect(row[9]).toBe(100);
    expect(row[15]).toBe("新产线");
    expect(row[4]).toBeInstanceOf(Date);

    // Every status reads in words; the received order's rejected quantity is a number.
    const all = await readBook(await exportPurchaseOrders(t.db, await t.actor("lina"), parseSrmListQuery({}), { ...zh, t: tr }));
    // One row per order line, across the four orders.
    expect(all.rows.length).toBe(await t.db.purchaseOrderLine.count());
    expect(new Set(all.rows.map((r) => r[0])).size).toBe(4);
    for (const r of all.rows) expect(["待确认", "已确认", "已收货"]).toContain(r[3]);
    const received = all.rows.find((r) => r[1] === "S001" && r[11] === 95);
    expect(received?.[12]).toBe(5);
  });

  it("exports the delivery plan lines the filters select, with lots", async () => {
    const planned = await readBook(await exportDeliveryPlans(t.db, await t.actor("zhaoqiang"), parseSrmListQuery({ tab: "deliveries", status: "planned" }), { ...zh, t: tr }));
    expect(planned.header).toEqual(["交货计划号", "订单号", "供应商编码", "供应商名称", "状态", "计划交货日期", "发货日期", "运单号", "行号", "物料编码", "物料名称", "计划数量", "单位", "批次"]);
    expect(planned.rows.map((r) => [r[0], r[1], r[4], r[11], r[12]])).toEqual([["DP-PUR-00042-1", "PUR-00042", "待发货", 60, "件"]]);
    expect(planned.rows[0][5]).toEqual(new Date(Date.UTC(2026, 11, 24)));
    const received = await readBook(await exportDeliveryPlans(t.db, await t.actor("zhaoqiang"), parseSrmListQuery({ tab: "deliveries", q: "S001" }), { ...zh, t: tr }));
    const row = received.rows.find((r) => r[7] === "SF-EXPORT-1");
    expect(row?.[4]).toBe("已收货");
    expect(row?.[13]).toBe("A1 60、A2 40");
  });

  it("exports receipts one row per lot, for the supplier chosen", async () => {
    const mine = await readBook(await exportReceipts(t.db, await t.actor("chenjing"), parseReceiptQuery({ supplier: s001 }), { ...zh, t: tr }));
    expect(mine.header).toEqual(["收货单号", "收货日期", "订单号", "交货计划号", "供应商编码", "供应商名称", "行号", "物料编码", "物料名称", "批次号", "实点数量", "合格数量", "不合格数量", "单位", "存储地点", "库位", "ERP 过账"]);
    expect(mine.rows.map((r) => [r[4], r[9], r[10], r[11], r[12], r[13], r[14], r[15]])).toEqual([
      ["S001", "A1", 60, 60, 0, "件", "WH01 存储区", "A 区 01 号库位"],
      ["S001", "A2", 40, 35, 5, "件", "WH01 存储区", "A 区 01 号库位"],
    ]);
    expect(["已过账", "未过账"]).toContain(mine.rows[0][16]);
    // Another supplier's filter selects none of them; a number that matches nothing neither.
    expect((await readBook(await exportReceipts(t.db, await t.actor("chenjing"), parseReceiptQuery({ supplier: s002 }), { ...zh, t: tr }))).rows).toEqual([]);
    expect((await readBook(await exportReceipts(t.db, await t.actor("chenjing"), parseReceiptQuery({ q: "GR-NONE" }), { ...zh, t: tr }))).rows).toEqual([]);
  });

  it("reads in English for an English reader", async () => {
    const en = createTranslator({ locale: "en", messages: await loadMessages("en") }) as unknown as Translate;
    const book = await readBook(await exportPurchaseOrders(t.db, await t.actor("lina"), parseSrmListQuery({ q: "PUR-00041" }), { locale: "en", t: en }));
    expect(book.name).toBe("Purchase orders");
    expect(book.header.slice(0, 4)).toEqual(["Order", "Supplier code", "Supplier", "Status"]);
    expect(book.rows.map((r) => [r[0], r[3], r[8], r[15]])).toEqual([["PUR-00041", "Awaiting confirmation", "pcs", "新产线"]]);
  });

  it("is for employees with srm.view only", async () => {
    const opts = { ...zh, t: tr };
    await expect(exportPurchaseOrders(t.db, await t.actor("sunli"), parseSrmListQuery({}), opts)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportDeliveryPlans(t.db, await t.actor("sunli"), parseSrmListQuery({ tab: "deliveries" }), opts)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportReceipts(t.db, await t.actor("sunli"), parseReceiptQuery({}), opts)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportReceipts(t.db, await supplierUser(t.db, "supplier2"), parseReceiptQuery({}), opts)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportPurchaseOrders(t.db, null, parseSrmListQuery({}), opts)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
