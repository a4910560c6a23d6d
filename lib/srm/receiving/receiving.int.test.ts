import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { lotRows, notice, theTask } from "@/test/erp/receiving-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { postReceiptStep } from "@/lib/erp/post-receipt-step";
import { saveMasterData } from "@/lib/erp/save-master-data";
import { createPurchaseOrder } from "@/lib/srm/create-purchase-order";
import { getSupplierArchive } from "@/lib/srm/get-supplier-archive";
import { getPortalHome } from "@/lib/srm/portal-home";
import { completeTask } from "@/lib/workflow/complete-task";
import { getReceipt } from "./get-receipt";
import { listReceipts } from "./list-receipts";
import { getPortalReturn, listPortalReturns } from "./portal-returns";
import { qualityPassRates } from "./quality-pass-rate";
import { parseReceiptQuery } from "./receipts.schema";

const kinds = await dbKinds();

describe.each(kinds)("receiving with lots, inspection, put-away and the receipt library on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let instanceId: string;
  let planLine: { bolts: string; casings: string };
  let s001: string;
  const FIRST = { q: "", page: 1, status: "all" };

  beforeAll(async () => {
    t = await erpTestDb(kind);
    // A bin of another location: put-away must not take it for WH01-STOCK.
    await saveMasterData(t.db, await t.actor("admin"), { kind: "bin", code: "WH01-IN-R1", name: "收货区 R1", attrs: { locationCode: "WH01-IN" } });
    s001 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
    const po = await createPurchaseOrder(t.db, await t.actor("lina"), { supplierId: s001, lines: [{ productCode: "P-1002", quantity: 100, unitPrice: 4 }, { productCode: "P-2001", quantity: 45, unitPrice: 9 }] });
    const portal = await supplierUser(t.db, "supplier1");
    const [l1, l2] = (await t.db.purchaseOrderLine.findMany({ where: { orderId: po.id }, orderBy: { lineNo: "asc" } })).map((l) => l.id);
    await completeTask(t.db, portal, { taskId: (await theTask(t.db, po.instanceId!, "supplier_confirm")).id, data: { response: "confirm", confirmedDate: "2026-12-20", confirmedQuantities: { [l1]: 100, [l2]: 45 } } });
    await drainJobs(t.db);
    const plan = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: po.id }, include: { lines: true } });
    instanceId = plan.instanceId!;
    planLine = { bolts: plan.lines.find((l) => l.orderLineId === l1)!.id, casings: plan.lines.find((l) => l.orderLineId === l2)!.id };
  });
  afterAll(async () => t?.close());

  const ship = async (shippedLots: unknown) =>
    completeTask(t.db, await supplierUser(t.db, "supplier1"), { taskId: (await theTask(t.db, instanceId, "supplier_ship")).id, data: { shippedDate: "2026-12-18", waybillNo: "SF-LOTS-1", shippedLots } });

  it("the shipping notice's lots must add up to the shipped quantity, within the plan, numbered, once per line", async () => {
    const lots = (a: [string, number][]) => a.map(([lotNumber, quantity]) => ({ lotNumber, quantity }));
    const refused = async (value: unknown) => (await ship(value).catch((e) => e)) as { code: string; fieldErrors: Record<string, string>; params?: Record<string, string> };
    const sum = await refused({ [planLine.bolts]: { shipped: 100, lots: lots([["A1", 60], ["A2", 30]]) }, [planLine.casings]: notice({ x: 45 }).x });
    expect(sum).toMatchObject({ code: "validation", fieldErrors: { shippedLots: "validation.lot_sum_mismatch" } });
    expect(sum.params?.lines).toContain("90 ≠ 100");
    expect((await refused(notice({ [planLine.bolts]: 101, [planLine.casings]: 45 }))).fieldErrors.shippedLots).toBe("validation.lot_over_plan");
    expect((await refused({ [planLine.bolts]: { shipped: 100, lots: lots([[" ", 100]]) }, [planLine.casings]: notice({ x: 45 }).x })).fieldErrors.shippedLots).toBe("validation.lot_number_required");
    expect((await refused({ [planLine.bolts]: { shipped: 100, lots: lots([["A1", 50], ["a1", 50]]) }, [planLine.casings]: notice({ x: 45 }).x })).fieldErrors.shippedLots).toBe("validation.lot_duplicate");
    expect((await refused(notice({ [planLine.bolts]: 100 }))).fieldErrors.shippedLots).toBe("validation.lines_incomplete");

    await ship({ [planLine.bolts]: { shipped: 100, lots: lots([["A1", 60], ["A2", 40]]) }, [planLine.casings]: { shipped: 45, lots: lots([["C1", 45]]) } });
    await drainJobs(t.db);
    const lotsOf = await t.db.shipmentLot.findMany({ where: { planLineId: planLine.bolts }, orderBy: { position: "asc" } });
    expect(lotsOf.map((l) => [l.lotNumber, Number(l.shippedQuantity)])).toEqual([["A1", 60], ["A2", 40]]);
    expect((await lotRows(t.db, instanceId)).map((r) => r.lotNumber)).toEqual(["A1", "A2", "C1"]);
  });

  it("the pre-receipt count records what was counted beside what was shipped; differences are kept", async () => {
    const rows = await lotRows(t.db, instanceId);
    const zhao = await t.actor("zhaoqiang");
    const task = await theTask(t.db, instanceId, "pre_receipt");
    await expect(completeTask(t.db, await t.actor("lina"), { taskId: task.id, data: {} })).rejects.toMatchObject({ code: expect.stringMatching(/not_found|task_not_yours/) });
    await expect(completeTask(t.db, zhao, { taskId: task.id, data: { lotCounts: { [rows[0].key]: { counted: 60 } } } })).rejects.toMatchObject({ fieldErrors: { lotCounts: "validation.lines_incomplete" } });
    await completeTask(t.db, zhao, { taskId: task.id, data: { lotCounts: { [rows[0].key]: { counted: 60 }, [rows[1].key]: { counted: 38 }, [rows[2].key]: { counted: "45" } } } });
    await drainJobs(t.db);
    const after = await lotRows(t.db, instanceId);
    expect(after.map((r) => [r.lotNumber, r.shipped, r.counted])).toEqual([["A1", 60, 60], ["A2", 40, 38], ["C1", 45, 45]]);
    const inst = await t.db.processInstance.findUniqueOrThrow({ where: { id: instanceId } });
    expect((inst.variables as Record<string, unknown>).countDifferences).toBe(1);
  });

  it("quality's partial rejection splits the lot: the accepted part goes on, the rejected part to quarantine and onto a return", async () => {
    const [a1, a2, c1] = await lotRows(t.db, instanceId);
    const task = await theTask(t.db, instanceId, "quality_inspection");
    expect(task.candidateGroups).toEqual(["quality"]);
    const chen = await t.actor("chenjing");
    const pass = { sampled: 5, result: "pass", rejected: 0 };
    const refused = (inspection: unknown) => completeTask(t.db, chen, { taskId: task.id, data: { inspection } });
    await expect(refused({ [a1.key]: { sampled: 5, result: "fail", rejected: 10 }, [a2.key]: pass, [c1.key]: pass })).rejects.toMatchObject({ fieldErrors: { inspection: "validation.defect_required" } });
    await expect(refused({ [a1.key]: { ...pass, rejected: 3 }, [a2.key]: pass, [c1.key]: pass })).rejects.toMatchObject({ fieldErrors: { inspection: "validation.inspection_invalid" } });
    await expect(refused({ [a1.key]: pass, [a2.key]: { sampled: 5, result: "fail", rejected: 39, defect: "appearance" }, [c1.key]: pass })).rejects.toMatchObject({ fieldErrors: { inspection: "validation.inspection_invalid" } });
    await expect(refused({ [a1.key]: { sampled: 5, result: "fail", rejected: 10, defect: "rust" }, [a2.key]: pass, [c1.key]: pass })).rejects.toMatchObject({ fieldErrors: { inspection: "validation.invalid_option" } });
    await refused({ [a1.key]: { sampled: 8, result: "fail", rejected: 10, defect: "appearance", note: "表面划伤" }, [a2.key]: pass, [c1.key]: { sampled: 5, result: "concession", rejected: 0, defect: "dimension" } });
    await drainJobs(t.db);

    const rows = await lotRows(t.db, instanceId);
    expect(rows.map((r) => [r.lotNumber, r.accepted, r.rejected, r.result])).toEqual([["A1", 50, 10, "fail"], ["A2", 38, 0, "pass"], ["C1", 45, 0, "concession"]]);
    const ret = await t.db.supplierReturn.findFirstOrThrow({ where: { supplierId: s001 }, include: { lines: true } });
    expect(ret.locationCode).toBe("WH01-QC");
    expect(ret.lines.map((l) => [l.lotNumber, Number(l.quantity), l.defectType, l.note])).toEqual([["A1", 10, "appearance", "表面划伤"]]);
    const a1Lot = await t.db.shipmentLot.findUniqueOrThrow({ where: { id: a1.key } });
    expect(a1Lot.inspectedById).toBe(chen.id);
  });

  it("put-away takes only a bin of the chosen location; one line's lots may go to different locations", async () => {
    const rows = await lotRows(t.db, instanceId);
    const zhao = await t.actor("zhaoqiang");
    const task = await theTask(t.db, instanceId, "put_away");
    const to = (bin: string, location = "WH01-STOCK") => ({ location, bin });
    const refused = (putAway: unknown) => completeTask(t.db, zhao, { taskId: task.id, data: { putAway } });
    await expect(refused(Object.fromEntries(rows.map((r) => [r.key, to("WH01-IN-R1")])))).rejects.toMatchObject({ fieldErrors: { putAway: "validation.bin_not_in_location" } });
    await expect(refused(Object.fromEntries(rows.map((r) => [r.key, to("WH01-STOCK-A01", "WH01-IN")])))).rejects.toMatchObject({ fieldErrors: { putAway: "validation.bin_not_in_location" } });
    await refused({ [rows[0].key]: to("WH01-STOCK-A01"), [rows[1].key]: to("WH01-IN-R1", "WH01-IN"), [rows[2].key]: to("WH01-IN-R1", "WH01-IN") });
    await drainJobs(t.db);
    expect((await lotRows(t.db, instanceId)).map((r) => [r.lotNumber, r.location, r.bin])).toEqual([["A1", "WH01-STOCK", "WH01-STOCK-A01"], ["A2", "WH01-IN", "WH01-IN-R1"], ["C1", "WH01-IN", "WH01-IN-R1"]]);
  });

  it("the confirmed summary makes the receipt and posts the accepted quantities once, even when the step runs again", async () => {
    const zhao = await t.actor("zhaoqiang");
    await completeTask(t.db, zhao, { taskId: (await theTask(t.db, instanceId, "receipt_summary")).id, data: { comment: "核对无误" } });
    await drainJobs(t.db);
    const inst = await t.db.processInstance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(inst.status).toBe("completed");
    const gr = await t.db.goodsReceipt.findFirstOrThrow({ where: { instanceId }, include: { lines: true } });
    expect(gr.receivedById).toBe(zhao.id);
    expect(gr.lines.map((l) => [l.lotNumber, Number(l.acceptedQuantity), Number(l.rejectedQuantity), l.binCode]).sort()).toEqual([["A1", 50, 10, "WH01-STOCK-A01"], ["A2", 38, 0, "WH01-IN-R1"], ["C1", 45, 0, "WH01-IN-R1"]]);
    const ledger = await t.db.integrationLedger.findMany({ where: { handler: "erp.postGoodsReceipt" } });
    expect(ledger).toHaveLength(1);
    const posted = (ledger[0].payload as { input: { lines: { acceptedQuantity: number; rejectedQuantity: number; locationCode: string }[] } }).input.lines;
    // One order line's lots went to two locations: one entry per location, the rejected part on the first.
    expect(posted.map((l) => [l.acceptedQuantity, l.rejectedQuantity, l.locationCode]).sort()).toEqual([[38, 0, "WH01-IN"], [45, 0, "WH01-IN"], [50, 10, "WH01-STOCK"]]);

    // The step again (a retry after a crash): the same receipt, the ERP told nothing new.
    const again = await postReceiptStep({ db: t.db, instanceId, businessKey: null, elementId: "post_receipt", variables: inst.variables as Record<string, unknown>, idempotencyKey: ledger[0].idempotencyKey!, attempt: 2 });
    expect(again.receiptNumber).toBe(gr.number);
    expect(await t.db.goodsReceipt.count({ where: { instanceId } })).toBe(1);
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.postGoodsReceipt" } })).toBe(1);
    const lines = await t.db.purchaseOrderLine.findMany({ where: { orderId: gr.orderId }, orderBy: { lineNo: "asc" } });
    expect(lines.map((l) => [Number(l.receivedQuantity), Number(l.rejectedQuantity)])).toEqual([[88, 10], [45, 0]]);
  });

  it("the receipt library lists and shows the receipt per line and lot; not for a supplier or an unknown id", async () => {
    const buyer = await t.actor("lina");
    const all = await listReceipts(t.db, buyer, parseReceiptQuery({ supplier: s001 }));
    expect(all.rows).toHaveLength(1);
    expect(all.rows[0]).toMatchObject({ posted: true, lines: 2, lots: 3, rejectedLines: 1, supplier: { code: "S001" } });
    expect((await listReceipts(t.db, buyer, parseReceiptQuery({ q: "no-such" }))).total).toBe(0);
    expect((await listReceipts(t.db, buyer, parseReceiptQuery({ from: "2000-01-01", to: "2000-01-02" }))).total).toBe(0);
    const d = await getReceipt(t.db, await t.actor("chenjing"), all.rows[0].id);
    expect(d.erpId).toBeTruthy();
    expect(d.lines.map((l) => [l.lineNo, l.lotNumber, l.shipped, l.counted, l.accepted, l.rejected, l.result, l.defect?.labelZh ?? null, l.location, l.bin])).toEqual([
      [1, "A1", 60, 60, 50, 10, "fail", "外观不良", "WH01 存储区", "A 区 01 号库位"],
      [1, "A2", 40, 38, 38, 0, "pass", null, "WH01 收货区", "收货区 R1"],
      [2, "C1", 45, 45, 45, 0, "concession", "尺寸超差", "WH01 收货区", "收货区 R1"],
    ]);
    expect(d.returns).toHaveLength(1);
    await expect(getReceipt(t.db, await supplierUser(t.db, "supplier1"), all.rows[0].id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getReceipt(t.db, buyer, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
  });

  it("rates the supplier's inspected lots overall and per product category", async () => {
    const rates = await qualityPassRates(t.db, s001);
    expect(rates.overall).toEqual({ lots: 3, passed: 1, rate: 1 / 3 });
    // Categories in pinyin order: 塑 (su) before 五 (wu).
    expect(rates.categories).toEqual([
      { category: "塑胶件", lots: 1, passed: 0, rate: 0 },
      { category: "五金结构件", lots: 2, passed: 1, rate: 0.5 },
    ]);
    expect((await getSupplierArchive(t.db, await t.actor("lina"), s001)).passRates.overall.lots).toBe(3);
  });

  it("the supplier sees its return in the portal; another supplier gets not_found", async () => {
    const mine = await listPortalReturns(t.db, await supplierUser(t.db, "supplier1"), FIRST);
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]).toMatchObject({ location: "WH01-QC 隔离区", waybillNo: "SF-LOTS-1", lines: [{ lotNumber: "A1", quantity: 10, defect: { labelZh: "外观不良" }, note: "表面划伤" }] });
    const detail = await getPortalReturn(t.db, await supplierUser(t.db, "supplier1"), mine.rows[0].id);
    expect(detail.number).toBe(mine.rows[0].number);
    const other = await supplierUser(t.db, "supplier2");
    await expect(getPortalReturn(t.db, other, mine.rows[0].id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listPortalReturns(t.db, other, FIRST)).total).toBe(0);
    expect((await getPortalHome(t.db, await supplierUser(t.db, "supplier1"))).returns.total).toBe(1);
    await expect(listPortalReturns(t.db, await t.actor("lina"), FIRST)).rejects.toMatchObject({ code: "forbidden" });
  });
});
