import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { openTasks, supplierUser } from "@/test/workflow-fixtures";
import { describeVariables } from "../inbox/describe-variables";
import { cancelOrderKey, cancelOrderStep } from "../erp/cancel-order-step";
import { completeTask } from "../workflow/complete-task";
import { createPurchaseOrder } from "./create-purchase-order";
import { getPurchaseOrder } from "./get-purchase-order";
import { shanghaiDay } from "./on-time-delivery";

const kinds = await dbKinds();
const DAY = 864e5;
const day = (offset: number) => shanghaiDay(new Date(Date.now() + offset * DAY));

// SRM-6: the supplier confirms an order as ordered, proposes changes that purchasing
// accepts or sends back, or declines it with a reason.
describe.each(kinds)("answering a purchase order on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let s001 = "";
  beforeAll(async () => {
    t = await erpTestDb(kind);
    s001 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function order() {
    const po = await createPurchaseOrder(t.db, await t.actor("lina"), {
      supplierId: s001,
      lines: [
        { productCode: "P-1001", quantity: 100, unitPrice: 0.5, requestedDate: day(10) },
        { productCode: "P-1002", quantity: 40, unitPrice: 4, requestedDate: day(10) },
      ],
    });
    await drainJobs(t.db);
    const fresh = await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id }, include: { lines: { orderBy: { lineNo: "asc" } } } });
    return { po: fresh, lines: fresh.lines };
  }
  const task = async (instanceId: string) => {
    const open = await openTasks(t.db, instanceId);
    expect(open).toHaveLength(1);
    return open[0];
  };
  const supplier = () => supplierUser(t.db, "supplier1");
  const written = (number: string) => t.db.integrationLedger.findMany({ where: { handler: "erp.confirmPurchaseOrder", businessKey: number } });
  const context = async (instanceId: string, realm: "employee" | "supplier") => {
    const inst = await t.db.processInstance.findUniqueOrThrow({ where: { id: instanceId }, include: { definition: true } });
    return describeVariables(t.db, inst.variables as Record<string, unknown>, { definition: inst.definition, realm });
  };

  it("confirms as ordered, as before: written to the ERP once", async () => {
    const { po, lines } = await order();
    const supplierTask = await task(po.instanceId!);
    await completeTask(t.db, await supplier(), { taskId: supplierTask.id, data: { response: "confirm", confirmedDate: day(10), supplierRef: "SQ-1", confirmedQuantities: { [lines[0].id]: 100, [lines[1].id]: 40 } } });
    await drainJobs(t.db);
    const d = await getPurchaseOrder(t.db, await t.actor("lina"), po.id);
    expect(d.order).toMatchObject({ status: "confirmed", supplierRef: "SQ-1", declineReason: null });
    expect(d.lines.map((l) => [l.confirmedQuantity, shanghaiDay(l.confirmedDate!)])).toEqual([[100, day(10)], [40, day(10)]]);
    expect(await written(po.number)).toHaveLength(1);
  });

  it("refuses bad answers field by field", async () => {
    const { po, lines } = await order();
    const supplierTask = await task(po.instanceId!);
    const refused = async (data: Record<string, unknown>) => completeTask(t.db, await supplier(), { taskId: supplierTask.id, data });
    const all = (a: number, b: number) => ({ [lines[0].id]: a, [lines[1].id]: b });
    await expect(refused({})).rejects.toMatchObject({ code: "validation", fieldErrors: { response: "validation.required" } });
    const dates = (a: string, b: string) => ({ [lines[0].id]: a, [lines[1].id]: b });
    await expect(refused({ response: "propose", proposedDates: dates(day(12), day(12)), proposalNote: "产能", proposedQuantities: all(120, 40) })).rejects.toMatchObject({ code: "validation", fieldErrors: { proposedQuantities: "validation.line_over_quantity" } });
    // Every line's date is checked: one in the past, one not a calendar day, one missing, one line that is not on the order.
    await expect(refused({ response: "propose", proposedDates: dates(day(12), day(-1)), proposalNote: "产能", proposedQuantities: all(80, 40) })).rejects.toMatchObject({ code: "validation", fieldErrors: { proposedDates: "validation.date_in_past" } });
    await expect(refused({ response: "propose", proposedDates: dates(day(12), "2030-02-30"), proposalNote: "产能", proposedQuantities: all(80, 40) })).rejects.toMatchObject({ code: "validation", fieldErrors: { proposedDates: "validation.invalid_date" } });
    await expect(refused({ response: "propose", proposedDates: { [lines[0].id]: day(12) }, proposalNote: "产能", proposedQuantities: all(80, 40) })).rejects.toMatchObject({ code: "validation", fieldErrors: { proposedDates: "validation.lines_incomplete" } });
    await expect(refused({ response: "propose", proposedDates: { ...dates(day(12), day(12)), other: day(12) }, proposalNote: "产能", proposedQuantities: all(80, 40) })).rejects.toMatchObject({ code: "validation", fieldErrors: { proposedDates: "validation.invalid_value" } });
    await expect(refused({ response: "propose", proposedQuantities: all(80, 40) })).rejects.toMatchObject({ code: "validation", fieldErrors: { proposedDates: expect.stringMatching(/^validation\./), proposalNote: "validation.required" } });
    await expect(refused({ response: "decline", declineReason: "  " })).rejects.toMatchObject({ code: "validation", fieldErrors: { declineReason: "validation.required" } });
    // A hidden field is neither required nor kept: a decline asks for no date.
    expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("open");
    expect(await openTasks(t.db, po.instanceId!)).toMatchObject([{ id: supplierTask.id }]);
  });

  it("proposes; purchasing accepts: the proposal becomes the confirmation, written to the ERP once; the original stays", async () => {
    const { po, lines } = await order();
    await completeTask(t.db, await supplier(), { taskId: (await task(po.instanceId!)).id, data: { response: "propose", proposedDates: { [lines[0].id]: day(14), [lines[1].id]: day(12) }, proposalNote: "原材料紧张，第 1 行先交 80", supplierRef: "SQ-2", proposedQuantities: { [lines[0].id]: 80, [lines[1].id]: 40 } } });
    await drainJobs(t.db);
    const review = await task(po.instanceId!);
    expect(review).toMatchObject({ name: "采购确认供应商修改", candidateGroups: ["purchasing"] });
    // Nothing on the order changes and nothing goes to the ERP before purchasing decides.
    expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("open");
    expect(await written(po.number)).toHaveLength(0);
    const shown = await context(po.instanceId!, "employee");
    expect(shown.find((c) => c.name === "proposalLines")?.value).toMatchObject({
      kind: "lines",
      rows: [
        { item: "1. P-1001 " + lines[0].description, quantity: 80, was: 100, date: day(14), wasDate: day(10), unitZh: "件" },
        { quantity: 40, was: 40, date: day(12), wasDate: day(10) },
      ],
    });
    expect(JSON.stringify(shown)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    await completeTask(t.db, await t.actor("lina"), { taskId: review.id, data: { decision: "approve" } });
    await drainJobs(t.db);
    await drainJobs(t.db);
    const d = await getPurchaseOrder(t.db, await t.actor("lina"), po.id);
    expect(d.order).toMatchObject({ status: "confirmed", supplierRef: "SQ-2" });
    expect(d.lines.map((l) => [l.originalQuantity, shanghaiDay(l.originalDate!), l.confirmedQuantity, shanghaiDay(l.confirmedDate!)])).toEqual([[100, day(10), 80, day(14)], [40, day(10), 40, day(12)]]);
    const ledger = await written(po.number);
    expect(ledger).toHaveLength(1);
    expect((ledger[0].payload as { input: { lines: unknown[] } }).input.lines).toMatchObject([{ confirmedQuantity: 80, confirmedDate: day(14) }, { confirmedQuantity: 40, confirmedDate: day(12) }]);
    // On-time delivery judges each line by its own confirmed date.
    expect(d.lines.map((l) => l.delivery.dueDay)).toEqual([day(14), day(12)]);
    // The built-in ERP plans one delivery per date: line 2 first, then line 1.
    const plans = await t.db.deliveryPlan.findMany({ where: { orderId: po.id }, orderBy: { plannedDate: "asc" }, include: { lines: true } });
    expect(plans.map((p) => [shanghaiDay(p.plannedDate!), p.lines.map((l) => [l.orderLineId, Number(l.quantity)])])).toEqual([
      [day(12), [[lines[1].id, 40]]],
      [day(14), [[lines[0].id, 80]]],
    ]);
    expect(d.history.map((h) => h.kind)).toEqual(expect.arrayContaining(["proposed", "proposal_accepted"]));
    expect(d.history.find((h) => h.kind === "proposed")).toMatchObject({ day: null, note: "原材料紧张，第 1 行先交 80", lines: [{ label: "1", a: 80, b: 100, day: day(14) }, { label: "2", a: 40, b: 40, day: day(12) }] });
    expect(await t.db.auditLog.count({ where: { entityId: po.id, action: { in: ["purchase_order.propose", "purchase_order.confirm"] } } })).toBe(2);
    expect(await openTasks(t.db, po.instanceId!)).toHaveLength(0);
  });

  it("proposes; purchasing sends it back with a comment: the supplier answers again", async () => {
    const { po, lines } = await order();
    const on = (d: string) => ({ [lines[0].id]: d, [lines[1].id]: d });
    const proposal = { response: "propose", proposedDates: on(day(20)), proposalNote: "排产已满", proposedQuantities: { [lines[0].id]: 100, [lines[1].id]: 40 } };
    await completeTask(t.db, await supplier(), { taskId: (await task(po.instanceId!)).id, data: proposal });
    await drainJobs(t.db);
    const review = await task(po.instanceId!);
    await expect(completeTask(t.db, await t.actor("lina"), { taskId: review.id, data: { decision: "reject" } })).rejects.toMatchObject({ code: "validation", fieldErrors: { buyerComment: "validation.reason_required" } });
    await completeTask(t.db, await t.actor("lina"), { taskId: review.id, data: { decision: "reject", buyerComment: "最晚只能推迟到下周" } });
    await drainJobs(t.db);
    const again = await task(po.instanceId!);
    expect(again).toMatchObject({ name: "供应商确认订单", formKey: "po_confirmation" });
    expect((await context(po.instanceId!, "supplier")).find((c) => c.name === "buyerComment")?.value).toMatchObject({ zh: "最晚只能推迟到下周" });
    expect(await written(po.number)).toHaveLength(0);

    // Round two: the supplier proposes a nearer date, purchasing accepts.
    await completeTask(t.db, await supplier(), { taskId: again.id, data: { ...proposal, proposedDates: on(day(15)) } });
    await drainJobs(t.db);
    await completeTask(t.db, await t.actor("liuyang"), { taskId: (await task(po.instanceId!)).id, data: { decision: "approve" } });
    await drainJobs(t.db);
    const ledger = await written(po.number);
    expect(ledger).toHaveLength(1);
    expect((ledger[0].payload as { input: { lines: unknown[] } }).input.lines).toMatchObject([{ confirmedDate: day(15) }, { confirmedDate: day(15) }]);
  });

  it("declines with a reason: the order is declined, purchasing acknowledges, the ERP's order is cancelled once", async () => {
    const { po } = await order();
    await completeTask(t.db, await supplier(), { taskId: (await task(po.instanceId!)).id, data: { response: "decline", declineReason: "该物料已停产", confirmedDate: "not a day" } });
    await drainJobs(t.db);
    const d = await getPurchaseOrder(t.db, await t.actor("lina"), po.id);
    expect(d.order).toMatchObject({ status: "declined", declineReason: "该物料已停产" });
    expect(d.order.declinedAt).toBeInstanceOf(Date);
    expect(d.history.find((h) => h.kind === "declined")).toMatchObject({ note: "该物料已停产" });
    expect(await t.db.auditLog.findFirst({ where: { entityId: po.id, action: "purchase_order.decline" } })).toMatchObject({ after: { status: "declined", reason: "该物料已停产" } });
    const ack = await task(po.instanceId!);
    expect(ack).toMatchObject({ name: "采购知悉供应商拒单", candidateGroups: ["purchasing"] });
    await completeTask(t.db, await t.actor("lina"), { taskId: ack.id, data: { followUp: "改向 S002 下单" } });
    await drainJobs(t.db);
    expect(await t.db.processInstance.findUniqueOrThrow({ where: { id: po.instanceId! } })).toMatchObject({ status: "completed" });
    expect(await written(po.number)).toHaveLength(0);
    expect((await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("declined");
    const cancelled = () => t.db.integrationLedger.findMany({ where: { handler: "erp.cancelPurchaseOrder", businessKey: po.number } });
    expect(await cancelled()).toHaveLength(1);
    expect((await cancelled())[0].payload).toMatchObject({ input: { orderNumber: po.number, reason: "该物料已停产" } });
    // The step run again (a retry after a crash): nothing more is queued or written.
    const ctx = { db: t.db, instanceId: po.instanceId!, businessKey: po.number, elementId: "cancel_in_erp", variables: { orderId: po.id }, idempotencyKey: "again", attempt: 2 };
    await cancelOrderStep(ctx);
    await cancelOrderStep(ctx);
    await drainJobs(t.db);
    expect(await cancelled()).toHaveLength(1);
    expect(await t.db.job.count({ where: { kind: "erp.write", idempotencyKey: `erp.write:${cancelOrderKey(po.id)}` } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entityId: po.id, action: "purchase_order.erp_cancel" } })).toBe(1);
    // The order's ERP sync log shows the cancellation.
    expect((await getPurchaseOrder(t.db, await t.actor("lina"), po.id)).syncLog.map((r) => [r.operation, r.status])).toContainEqual(["write.cancelPurchaseOrder", "ok"]);
  });
});
