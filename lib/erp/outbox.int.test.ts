import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { notice, receiveLots, theTask } from "@/test/erp/receiving-kit";
import { openTasks, supplierUser } from "@/test/workflow-fixtures";
import { approveSupplier } from "@/lib/srm/approve-supplier";
import { createPurchaseOrder } from "@/lib/srm/create-purchase-order";
import { createSupplier } from "@/lib/srm/create-supplier";
import { updateSupplier } from "@/lib/srm/update-supplier";
import { completeTask } from "@/lib/workflow/complete-task";
import { retryFailedJob } from "@/lib/workflow/jobs/retry-job";
import { createBuiltinConnector } from "./builtin-connector";
import type { PartyInput } from "./connector";

const kinds = await dbKinds();

describe.each(kinds)("ERP outbox with the built-in connector on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    delete process.env.ERP_BUILTIN_DOWN;
  });

  it("the built-in connector records a write once per key", async () => {
    const c = createBuiltinConnector(t.db);
    const party: PartyInput = { role: "supplier", code: "X1", name: "X", taxCode: null, paymentTermErpId: "NET30", contactName: null, contactPhone: null, address: null, erpId: null };
    const a = await c.upsertParty(party, "k-1");
    const b = await c.upsertParty({ ...party, name: "changed" }, "k-1");
    expect(a).toEqual({ erpId: "party:supplier:X1", repeated: false });
    expect(b).toEqual({ erpId: "party:supplier:X1", repeated: true });
    expect(await t.db.integrationLedger.count({ where: { idempotencyKey: "k-1" } })).toBe(1);
    expect(await c.readMasterData("tax")).toEqual(expect.arrayContaining([expect.objectContaining({ code: "VAT13", attrs: { rate: 0.13, type: "percentage" } })]));
  });

  it("seeds a demo order whose confirmation waits in supplier1's portal", async () => {
    const s001 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const po = await t.db.purchaseOrder.findFirstOrThrow({ where: { supplierId: s001.id } });
    const tasks = await openTasks(t.db, po.instanceId!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ elementId: "supplier_confirm", candidateSupplierId: s001.id, formKey: "po_confirmation" });
  });

  it("approving a supplier writes it to the ERP after commit; each later change once", async () => {
    const admin = await t.actor("admin");
    const lead = await t.actor("liuyang");
    const s = await createSupplier(t.db, admin, { code: "S900", name: "新供应商", paymentTermCode: "NET60" });
    await approveSupplier(t.db, lead, s.id);
    await expect(approveSupplier(t.db, lead, s.id)).rejects.toMatchObject({ code: "supplier_already_active" });
    expect(await t.db.job.count({ where: { kind: "erp.write", status: "pending" } })).toBe(1);
    await drainJobs(t.db);
    const after = await t.db.supplier.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ status: "active", erpId: "party:supplier:S900" });
    const ledger = await t.db.integrationLedger.findMany({ where: { handler: "erp.upsertParty", businessKey: "S900" } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0].payload).toMatchObject({ input: { paymentTermErpId: "NET60", name: "新供应商" } });

    await updateSupplier(t.db, await t.actor("lina"), { id: s.id, name: "新供应商（苏州）", paymentTermCode: "NET60" });
    await updateSupplier(t.db, await t.actor("lina"), { id: s.id, name: "新供应商（苏州）", paymentTermCode: "NET60" });
    await drainJobs(t.db);
    const rows = await t.db.integrationLedger.findMany({ where: { handler: "erp.upsertParty", businessKey: "S900" }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[1].payload).toMatchObject({ erpId: "party:supplier:S900", input: { name: "新供应商（苏州）", erpId: "party:supplier:S900" } });
    expect(await t.db.erpSyncLog.count({ where: { operation: "write.upsertParty", status: "ok" } })).toBe(2);
    await expect(updateSupplier(t.db, await t.actor("zhaoqiang"), { id: s.id, name: "x" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a write that keeps failing ends as a failed job; an operator's retry sends it once", async () => {
    const s = await t.db.supplier.findUniqueOrThrow({ where: { code: "S900" } });
    process.env.ERP_BUILTIN_DOWN = "1";
    await updateSupplier(t.db, await t.actor("lina"), { id: s.id, name: "新供应商（昆山）", paymentTermCode: "NET60" });
    await drainJobs(t.db);
    const job = await t.db.job.findFirstOrThrow({ where: { kind: "erp.write", status: "failed" } });
    expect(job.attempts).toBe(job.maxAttempts);
    expect(job.lastError).toMatch(/ERP_BUILTIN_DOWN/);
    expect(await t.db.erpSyncLog.count({ where: { operation: "write.upsertParty", status: "failed" } })).toBe(job.maxAttempts);

    delete process.env.ERP_BUILTIN_DOWN;
    await expect(retryFailedJob(t.db, await t.actor("liuyang"), job.id)).rejects.toMatchObject({ code: "forbidden" });
    await retryFailedJob(t.db, await t.actor("admin"), job.id);
    await drainJobs(t.db);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "done" });
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.upsertParty", businessKey: "S900" } })).toBe(3);
  });

  it("an order entered in the app runs confirmation, the planned delivery and its receipt; an ERP outage becomes an incident and a retry recovers", async () => {
    const s001 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    const po = await createPurchaseOrder(t.db, await t.actor("lina"), { supplierId: s001.id, lines: [{ productCode: "P-1002", quantity: 100, unitPrice: 4 }, { productCode: "P-2001", quantity: 50, unitPrice: 9 }] });
    expect(po.instanceId).toBeTruthy();
    const [confirm] = await openTasks(t.db, po.instanceId!);
    const portal = await supplierUser(t.db, "supplier1");
    await expect(completeTask(t.db, await supplierUser(t.db, "supplier2"), { taskId: confirm.id, data: { response: "confirm", confirmedDate: "2026-12-10" } })).rejects.toMatchObject({ code: "not_found" });

    const [l1, l2] = (await t.db.purchaseOrderLine.findMany({ where: { orderId: po.id }, orderBy: { lineNo: "asc" } })).map((l) => l.id);
    const refused = completeTask(t.db, portal, { taskId: confirm.id, data: { response: "confirm", confirmedDate: "2026-12-10", confirmedQuantities: { [l1]: 100, [l2]: 51 } } });
    await expect(refused).rejects.toMatchObject({ code: "validation", fieldErrors: { confirmedQuantities: "validation.line_over_quantity" } });
    await expect(completeTask(t.db, portal, { taskId: confirm.id, data: { response: "confirm", confirmedDate: "2026-12-10", confirmedQuantities: { [l1]: 100 } } })).rejects.toMatchObject({ fieldErrors: { confirmedQuantities: "validation.lines_incomplete" } });

    process.env.ERP_BUILTIN_DOWN = "1";
    // Line 2: 45 of the 50 ordered.
    await completeTask(t.db, portal, { taskId: confirm.id, data: { response: "confirm", confirmedDate: "2026-12-10", supplierRef: "SO-8812", confirmedQuantities: { [l1]: 100, [l2]: "45" } } });
    await drainJobs(t.db);
    const instance = await t.db.processInstance.findUniqueOrThrow({ where: { id: po.instanceId! } });
    expect(instance.status).toBe("incident");
    expect(instance.incident).toMatch(/unavailable/);
    const failed = await t.db.job.findFirstOrThrow({ where: { instanceId: po.instanceId!, status: "failed" } });

    delete process.env.ERP_BUILTIN_DOWN;
    await retryFailedJob(t.db, await t.actor("admin"), failed.id);
    await drainJobs(t.db);
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: po.instanceId! } })).status).toBe("completed");
    const confirmed = await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id }, include: { lines: { orderBy: { lineNo: "asc" } } } });
    expect(confirmed).toMatchObject({ status: "confirmed", supplierRef: "SO-8812" });
    expect(confirmed.lines.map((l) => [Number(l.confirmedQuantity), l.confirmedDate?.toISOString().slice(0, 10)])).toEqual([[100, "2026-12-10"], [45, "2026-12-10"]]);
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.confirmPurchaseOrder", businessKey: po.number } })).toBe(1);

    // The built-in ERP plans one delivery per confirmation: the confirmed quantities on the confirmed date.
    const plan = await t.db.deliveryPlan.findFirstOrThrow({ where: { orderId: po.id }, include: { lines: true } });
    expect(plan).toMatchObject({ number: `DP-${po.number}-1`, supplierId: s001.id, status: "planned" });
    expect(plan.lines.map((l) => Number(l.quantity)).sort((a, b) => a - b)).toEqual([45, 100]);
    const [ship] = await openTasks(t.db, plan.instanceId!);
    expect(ship).toMatchObject({ elementId: "supplier_ship", candidateSupplierId: s001.id });
    const [pl1, pl2] = [...plan.lines].sort((a, b) => Number(b.quantity) - Number(a.quantity)).map((l) => l.id);
    await expect(completeTask(t.db, portal, { taskId: ship.id, data: { shippedDate: "2026-12-09", shippedLots: notice({ [pl1]: 100, [pl2]: 45 }) } })).rejects.toMatchObject({ code: "validation" });
    // Per plan line, at most what was planned: 46 shipped on the 45 planned is refused.
    const tooMany = completeTask(t.db, portal, { taskId: ship.id, data: { shippedDate: "2026-12-09", waybillNo: "SF-001", shippedLots: notice({ [pl1]: 100, [pl2]: 46 }) } });
    await expect(tooMany).rejects.toMatchObject({ fieldErrors: { shippedLots: "validation.lot_over_plan" } });
    await completeTask(t.db, portal, { taskId: ship.id, data: { shippedDate: "2026-12-09", waybillNo: "SF-001", shippedLots: notice({ [pl1]: 100, [pl2]: 45 }) } });
    await drainJobs(t.db);

    expect(await theTask(t.db, plan.instanceId!, "pre_receipt")).toMatchObject({ candidateGroups: ["warehouse"] });
    // Line 2's lot: 5 of the 45 rejected at inspection.
    await receiveLots(t.db, plan.instanceId!, { "LOT-2": { rejected: 5 } });
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: plan.instanceId! } })).status).toBe("completed");
    const gr = await t.db.goodsReceipt.findFirstOrThrow({ where: { orderId: po.id }, include: { lines: true } });
    expect(gr.deliveryPlanId).toBe(plan.id);
    expect(gr.erpId).toBe(`receipt:${gr.number}`);
    expect(gr.receivedById).toBe((await t.actor("zhaoqiang")).id);
    const lines = await t.db.purchaseOrderLine.findMany({ where: { orderId: po.id }, orderBy: { lineNo: "asc" } });
    expect(lines.map((l) => [Number(l.receivedQuantity), Number(l.rejectedQuantity)])).toEqual([[100, 0], [40, 5]]);
    // 40 of the 45 confirmed on line 2 (5 rejected): the order stays confirmed, waiting for the rest.
    expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("confirmed");
    expect((await t.db.deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("received");
    expect(await t.db.auditLog.count({ where: { action: { in: ["delivery_plan.received", "delivery_plan.shipped"] }, entityId: plan.id } })).toBe(2);
  });
});
