import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs, erpOrder } from "@/test/erp/erp-test-kit";
import { asLots, receiveLots } from "@/test/erp/receiving-kit";
import { openTasks, supplierUser } from "@/test/workflow-fixtures";
import { ingestPurchaseOrder } from "../erp/ingest-purchase-order";
import { completeTask } from "../workflow/complete-task";
import { advanceClock, resetClock } from "../workflow/clock";
import { createPurchaseOrder } from "./create-purchase-order";
import { getPurchaseOrder } from "./get-purchase-order";
import { judgeDelivery, onTimeRate, shanghaiDay, supplierOnTimeRate } from "./on-time-delivery";

const kinds = await dbKinds();
const DAY = 864e5;
const day = (offset: number) => shanghaiDay(new Date(Date.now() + offset * DAY));

describe("the on-time rule", () => {
  // Receipts at Shanghai wall-clock times; a day is due up to and including 23:59 Shanghai.
  const at = (s: string) => new Date(`${s}+08:00`);
  const line = (p: { quantity?: number; confirmed?: number | null; confirmedDate?: string | null; requestedDate?: string | null; receipts?: [string, number][] }) => ({
    quantity: p.quantity ?? 100,
    confirmedQuantity: p.confirmed ?? null,
    confirmedDate: p.confirmedDate ? new Date(p.confirmedDate) : null,
    requestedDate: p.requestedDate ? new Date(p.requestedDate) : null,
    receipts: (p.receipts ?? []).map(([when, accepted]) => ({ at: at(when), accepted })),
  });
  const TODAY = "2026-12-20";
  it.each([
    ["early: all received before the confirmed date", line({ confirmed: 100, confirmedDate: "2026-12-10", receipts: [["2026-12-08T10:00:00", 100]] }), "on_time", "2026-12-08"],
    ["on the day, late evening Shanghai (still the due day)", line({ confirmed: 100, confirmedDate: "2026-12-10", receipts: [["2026-12-10T23:30:00", 100]] }), "on_time", "2026-12-10"],
    ["late: the last part arrived after the confirmed date", line({ confirmed: 100, confirmedDate: "2026-12-10", receipts: [["2026-12-09T09:00:00", 60], ["2026-12-11T00:30:00", 40]] }), "late", "2026-12-11"],
    ["partial by the date and not complete since: late", line({ confirmed: 100, confirmedDate: "2026-12-10", receipts: [["2026-12-09T09:00:00", 60]] }), "late", null],
    ["the confirmed quantity counts, not the ordered one", line({ quantity: 100, confirmed: 60, confirmedDate: "2026-12-10", receipts: [["2026-12-09T09:00:00", 60]] }), "on_time", "2026-12-09"],
    ["the confirmed date counts, not the requested one", line({ confirmed: 100, requestedDate: "2026-12-05", confirmedDate: "2026-12-10", receipts: [["2026-12-08T09:00:00", 100]] }), "on_time", "2026-12-08"],
    ["unconfirmed: the ordered quantity by the requested date", line({ requestedDate: "2026-12-05", receipts: [["2026-12-06T09:00:00", 100]] }), "late", "2026-12-06"],
    ["never received, past due: late", line({ requestedDate: "2026-12-05" }), "late", null],
    ["never received, not due yet: not counted yet", line({ requestedDate: "2026-12-25" }), "open", null],
    ["partial, not due yet: not counted yet", line({ confirmed: 100, confirmedDate: "2026-12-25", receipts: [["2026-12-18T09:00:00", 50]] }), "open", null],
    ["no date to judge by: not counted", line({ receipts: [["2026-12-18T09:00:00", 100]] }), "not_counted", "2026-12-18"],
    ["confirmed zero: nothing to deliver", line({ confirmed: 0, confirmedDate: "2026-12-10" }), "not_counted", null],
  ])("%s", (_name, l, state, completeDay) => {
    expect(judgeDelivery(l, TODAY)).toMatchObject({ state, completeDay });
  });
  it("rates counted lines only", () => {
    const verdicts = [line({ requestedDate: "2026-12-05", receipts: [["2026-12-04T09:00:00", 100]] }), line({ requestedDate: "2026-12-05" }), line({ requestedDate: "2026-12-30" })].map((l) => judgeDelivery(l, TODAY));
    expect(onTimeRate(verdicts)).toEqual({ onTime: 1, late: 1, open: 1, counted: 2, rate: 0.5 });
    expect(onTimeRate([]).rate).toBeNull();
  });
});

describe.each(kinds)("purchase order entry and detail on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let s001 = "";
  beforeAll(async () => {
    t = await erpTestDb(kind);
    s001 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => resetClock());

  const entry = (over: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
    supplierId: s001,
    lines: [{ productCode: "P-1001", quantity: 100, unitPrice: 0.35, requestedDate: day(10), ...line }],
    ...over,
  });

  it("refuses bad entries field by field", async () => {
    const buyer = await t.actor("lina");
    const refused = (input: unknown) => createPurchaseOrder(t.db, buyer, input as never);
    await expect(refused(entry({ supplierId: "not-an-id" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { supplierId: "srm.orderEntry.errors.supplier" } });
    await expect(refused(entry({ supplierId: "00000000-0000-4000-8000-000000000000" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { supplierId: "srm.orderEntry.errors.supplier" } });
    const potential = await t.db.supplier.create({ data: { code: "S-POT", name: "潜在供应商有限公司", status: "potential" } });
    await expect(refused(entry({ supplierId: potential.id }))).rejects.toMatchObject({ code: "supplier_not_active", fieldErrors: { supplierId: "srm.orderEntry.errors.supplierInactive" } });
    await expect(refused(entry({}, { productCode: "NOPE-1" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { "lines.0.productCode": "srm.orderEntry.errors.product" } });
    await expect(refused(entry({}, { quantity: 0 }))).rejects.toMatchObject({ fieldErrors: { "lines.0.quantity": "srm.orderEntry.errors.quantityPositive" } });
    await expect(refused(entry({}, { quantity: "-3" }))).rejects.toMatchObject({ fieldErrors: { "lines.0.quantity": "srm.orderEntry.errors.quantityPositive" } });
    await expect(refused(entry({}, { quantity: "" }))).rejects.toMatchObject({ fieldErrors: { "lines.0.quantity": "srm.orderEntry.errors.quantity" } });
    await expect(refused(entry({}, { requestedDate: "2026-02-30" }))).rejects.toMatchObject({ fieldErrors: { "lines.0.requestedDate": "validation.invalid_date" } });
    await expect(refused(entry({ lines: [] }))).rejects.toMatchObject({ fieldErrors: { lines: "srm.orderEntry.errors.noLines" } });
    // The currency is one of the master data's, whatever the form offered.
    await expect(refused(entry({ currencyCode: "XYZ" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { currencyCode: "validation.unknown_currency" } });
    expect(await t.db.purchaseOrder.count({ where: { supplierId: potential.id } })).toBe(0);
  });

  it("is for buyers, and only with the built-in connector", async () => {
    await expect(createPurchaseOrder(t.db, await t.actor("xuming"), entry())).rejects.toMatchObject({ code: "forbidden" });
    await expect(createPurchaseOrder(t.db, await supplierUser(t.db, "supplier1"), entry())).rejects.toMatchObject({ code: "forbidden" });
    await t.db.erpConnection.upsert({ where: { id: "default" }, create: { kind: "tryton", url: "http://erp.test:8000", database: "ff", username: "admin", passwordEnc: "sealed" }, update: { kind: "tryton" } });
    try {
      await expect(createPurchaseOrder(t.db, await t.actor("lina"), entry())).rejects.toMatchObject({ code: "purchase_order_from_erp" });
    } finally {
      await t.db.erpConnection.update({ where: { id: "default" }, data: { kind: "builtin" } });
    }
  });

  it("makes one order of a form sent twice", async () => {
    const buyer = await t.actor("lina");
    const entryKey = crypto.randomUUID();
    const [a, b] = await Promise.all([createPurchaseOrder(t.db, buyer, entry({ entryKey })), createPurchaseOrder(t.db, buyer, entry({ entryKey }))]);
    expect(a.id).toBe(b.id);
    expect(await t.db.purchaseOrder.count({ where: { entryKey: { endsWith: entryKey } } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "purchase_order.create", entityId: a.id } })).toBe(1);
  });

  it("shows an order's lines, confirmation, deliveries, receipts, flows and history, and rates its supplier", async () => {
    const buyer = await t.actor("liuyang");
    const po = await createPurchaseOrder(t.db, buyer, entry({ lines: [
      { productCode: "P-1001", quantity: 100, unitPrice: 0.5, requestedDate: day(3) },
      { productCode: "P-1002", quantity: 40, unitPrice: 4, requestedDate: day(3) },
    ] }));
    const [l1, l2] = po.lines;
    let d = await getPurchaseOrder(t.db, buyer, po.id);
    expect(d.order).toMatchObject({ number: po.number, status: "open", supplier: { code: "S001" } });
    expect(d.total).toBe(210);
    expect(d.flows).toMatchObject([{ kind: "confirmation", status: "running", processName: "采购订单确认", waiting: [{ name: "供应商确认订单", for: { zh: "苏州精密五金有限公司" } }], href: null }]);
    expect(d.history.map((h) => h.kind)).toEqual(expect.arrayContaining(["created", "flow_started", "task_created"]));
    expect(d.history.find((h) => h.kind === "created")).toMatchObject({ actor: "刘洋" });

    // The supplier confirms line 1 in full and 30 of line 2, two days later than asked.
    const [task] = await openTasks(t.db, po.instanceId!);
    await completeTask(t.db, await supplierUser(t.db, "supplier1"), { taskId: task.id, data: { response: "confirm", confirmedDate: day(5), supplierRef: "SQ-77", confirmedQuantities: { [l1.id]: 100, [l2.id]: 30 } } });
    await drainJobs(t.db);
    d = await getPurchaseOrder(t.db, buyer, po.id);
    expect(d.order).toMatchObject({ status: "confirmed", supplierRef: "SQ-77" });
    expect(d.lines.map((l) => [l.originalQuantity, shanghaiDay(l.originalDate!), l.confirmedQuantity, shanghaiDay(l.confirmedDate!)])).toEqual([[100, day(3), 100, day(5)], [40, day(3), 30, day(5)]]);
    expect(d.history.find((h) => h.kind === "confirmed")).toMatchObject({ ref: "SQ-77", day: day(5), lines: [{ label: "1", a: 100, b: 100 }, { label: "2", a: 30, b: 40, unit: { nameZh: "件" } }] });
    expect(d.history.find((h) => h.kind === "task_completed")).toMatchObject({ task: "供应商确认订单", actor: "钱峰 · 苏州精密五金有限公司" });
    expect(d.syncLog.map((s) => s.operation)).toContain("write.confirmPurchaseOrder");
    expect((await getPurchaseOrder(t.db, await t.actor("lina"), po.id)).syncLog.every((s) => s.href === null)).toBe(true);
    expect((await getPurchaseOrder(t.db, await t.actor("admin"), po.id)).syncLog[0].href).toMatch(/^\/integration\/log\//);

    // The built-in ERP planned the delivery; the supplier ships; the warehouse takes all of line 1 and 20 of line 2 (2 rejected).
    expect(d.plans).toMatchObject([{ status: "planned", lines: [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 30 }] }]);
    const plan = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: po.id }, include: { lines: true } });
    const [ship] = await openTasks(t.db, plan.instanceId!);
    const pl = (lineId: string) => plan.lines.find((x) => x.orderLineId === lineId)!.id;
    const lots = asLots({ [pl(l1.id)]: 100, [pl(l2.id)]: 20 }, { [pl(l1.id)]: 0, [pl(l2.id)]: 2 });
    await completeTask(t.db, await supplierUser(t.db, "supplier1"), { taskId: ship.id, data: { shippedDate: day(1), waybillNo: "SF100200", shippedLots: lots.shippedLots } });
    await drainJobs(t.db);
    const [receive] = await openTasks(t.db, plan.instanceId!);
    expect((await getPurchaseOrder(t.db, await t.actor("zhaoqiang"), po.id)).flows.find((f) => f.kind === "delivery")?.href).toBe(`/inbox/${receive.id}`);
    await receiveLots(t.db, plan.instanceId!, lots.outcome);

    d = await getPurchaseOrder(t.db, buyer, po.id);
    expect(d.lines.map((l) => [l.receivedQuantity, l.rejectedQuantity, !!l.firstReceivedAt, l.delivery.state])).toEqual([[100, 0, true, "on_time"], [20, 2, true, "open"]]);
    expect(d.receipts).toMatchObject([{ receivedBy: "赵强", plan: plan.number, lines: [{ lineNo: 1, accepted: 100, rejected: 0 }, { lineNo: 2, accepted: 20, rejected: 2 }] }]);
    expect(d.history.map((h) => h.kind)).toEqual(expect.arrayContaining(["plan_received", "plan_shipped", "receipt"]));
    expect(d.history.find((h) => h.kind === "plan_shipped")).toMatchObject({ waybill: "SF100200", plan: plan.number });
    expect(d.syncLog.map((s) => s.operation)).toContain("write.postGoodsReceipt");
    expect(JSON.stringify(d.history)).not.toMatch(/"(before|after|data)"/);

    // Only this order's lines of S001 have dates past... the demo order is open and not due yet.
    const rate = await supplierOnTimeRate(t.db, buyer, s001);
    expect(rate).toMatchObject({ onTime: 1, late: 0 });
    // A week on, line 2 is past its confirmed date without its 30: late.
    advanceClock(7 * DAY);
    const later = await supplierOnTimeRate(t.db, buyer, s001);
    expect(later.late - rate.late).toBeGreaterThanOrEqual(1);
    expect((await getPurchaseOrder(t.db, buyer, po.id)).lines[1].delivery.state).toBe("late");
  });

  it("keeps what a line first asked for when the ERP changes the open order", async () => {
    const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };
    const first = erpOrder(61, S002);
    const { orderId } = await ingestPurchaseOrder(t.db, first);
    const changed = { ...first, lines: [{ ...first.lines[0], quantity: 120, requestedDate: "2026-11-25" }, { ...first.lines[0], erpId: "pol-61-2", lineNo: 2, quantity: 7, requestedDate: "2026-11-30" }] };
    expect(await ingestPurchaseOrder(t.db, changed)).toMatchObject({ changed: true });
    const d = await getPurchaseOrder(t.db, await t.actor("lina"), orderId);
    expect(d.lines.map((l) => [l.quantity, shanghaiDay(l.requestedDate!), l.originalQuantity, shanghaiDay(l.originalDate!)])).toEqual([[120, "2026-11-25", 100, "2026-11-20"], [7, "2026-11-30", 7, "2026-11-30"]]);
    expect(d.history.find((h) => h.kind === "changed_in_erp")).toMatchObject({ revision: 2, lines: [{ label: "P-1001", a: 120, b: 100 }, { label: "P-1001", a: 7, b: null }] });
    // The first flow was withdrawn; the new one runs.
    expect(d.flows.map((f) => f.status)).toEqual(["running", "cancelled"]);
  });

  it("is for employees who may read purchasing; unknown ids are not found", async () => {
    const po = await t.db.purchaseOrder.findFirstOrThrow();
    await expect(getPurchaseOrder(t.db, await t.actor("sunli"), po.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPurchaseOrder(t.db, await supplierUser(t.db, "supplier1"), po.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(supplierOnTimeRate(t.db, await supplierUser(t.db, "supplier1"), s001)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPurchaseOrder(t.db, await t.actor("lina"), "nope")).rejects.toMatchObject({ code: "not_found" });
    await expect(getPurchaseOrder(t.db, await t.actor("lina"), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
  });
});
