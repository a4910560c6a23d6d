import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { makeOpportunity, theOpenTask, type KitLine } from "@/test/crm/review-kit";
import { createBuiltinConnector } from "@/lib/erp/builtin-connector";
import type { ErpWritePayload } from "@/lib/erp/outbox";
import { cancelInstance } from "@/lib/workflow/cancel-instance";
import { completeTask } from "@/lib/workflow/complete-task";
import { runDueJobs } from "@/lib/workflow/jobs/worker";
import { countOpenTasks } from "@/lib/inbox/count-open-tasks";
import { cancelOpportunityReview } from "./cancel-review";
import { listOpportunityReviews } from "./list-reviews";
import { marginFloor, setMarginFloor } from "./margin-floor";
import { startOpportunityReview } from "./start-review";

const kinds = await dbKinds();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.each(kinds)("opportunity review (CRM-6) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let seq = 0;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => t?.close());

  const opportunity = (stage: "qualify" | "solution" | "quotation" | "won", lines: KitLine[]) => makeOpportunity(t.db, `OPT${kind === "pglite" ? 1 : 2}${String(++seq).padStart(4, "0")}`, stage, lines);
  const task = (instanceId: string) => theOpenTask(t.db, instanceId);

  it("refuses, changing nothing: no lines, a closed or unreviewed stage, typed or uncosted lines at quotation, someone else's opportunity, a second running review", async () => {
    const majun = await t.actor("majun");
    const start = (id: string, who = majun) => startOpportunityReview(t.db, who, { opportunityId: id });
    await expect(start((await opportunity("quotation", [])).id)).rejects.toMatchObject({ code: "opportunity_review_no_lines" });
    await expect(start((await opportunity("won", [{ quantity: 1, unitPrice: 5 }])).id)).rejects.toMatchObject({ code: "opportunity_review_closed" });
    await expect(start((await opportunity("qualify", [{ quantity: 1, unitPrice: 5 }])).id)).rejects.toMatchObject({ code: "opportunity_review_not_needed" });
    const typed = await opportunity("quotation", [{ quantity: 1, unitPrice: 5 }, { productCode: null, description: "非标支架", quantity: 2, unitPrice: 9 }]);
    await expect(start(typed.id)).rejects.toMatchObject({ code: "opportunity_review_typed_lines", params: { lines: "2" } });
    await expect(start((await opportunity("quotation", [{ quantity: 1, unitPrice: 5, unitCost: null }])).id)).rejects.toMatchObject({ code: "opportunity_review_cost_missing", params: { lines: "1" } });

    const o = await opportunity("quotation", [{ quantity: 100, unitPrice: 5 }]);
    // sunli (another team) does not see it; zhoujie (head of 销售部, above 华南销售组) may start it.
    await expect(start(o.id, await t.actor("sunli"))).rejects.toMatchObject({ code: "not_found" });
    await expect(start(o.id, await t.actor("wumin"))).rejects.toMatchObject({ code: "not_found" });
    const first = await start(o.id);
    await expect(start(o.id)).rejects.toMatchObject({ code: "opportunity_review_running" });
    expect(await t.db.opportunityReview.count({ where: { opportunityId: o.id } })).toBe(1);
    // An operator cancels the flow: the review reads as cancelled and a new one may start.
    await cancelInstance(t.db, await t.actor("admin"), { id: first.instanceId, reason: "评审人变更" });
    expect((await listOpportunityReviews(t.db, majun, o.id)).reviews[0]).toMatchObject({ status: "cancelled" });
    await start(o.id);
    expect((await t.db.opportunityReview.findMany({ where: { opportunityId: o.id }, orderBy: { startedAt: "asc" } })).map((r) => r.status)).toEqual(["cancelled", "running"]);
    expect(await t.db.opportunityReview.count({ where: { opportunityId: typed.id } })).toBe(0);
  });

  it("the stage chooses the review in the flow: solution goes to design, then the production head confirms a feasible date", async () => {
    const due = inDays(30);
    const o = await opportunity("solution", [{ quantity: 500, unitPrice: 6, expectedDelivery: due }, { quantity: 100, unitPrice: 6, expectedDelivery: inDays(40) }]);
    const r = await startOpportunityReview(t.db, await t.actor("majun"), { opportunityId: o.id });
    const review = await t.db.opportunityReview.findUniqueOrThrow({ where: { id: r.reviewId } });
    expect(review).toMatchObject({ stage: "solution", status: "running", instanceId: r.instanceId });
    expect(review.snapshot).toMatchObject({ code: o.code, lines: [{ quantity: 500, unitPrice: 6 }, { quantity: 100 }], marginPct: 50, marginFloorPct: 15 });

    const technical = await task(r.instanceId);
    expect(technical).toMatchObject({ elementId: "technical_review", candidateGroups: ["design"], formKey: "opportunity_technical_review" });
    await expect(completeTask(t.db, await t.actor("huangting"), { taskId: technical.id, data: { decision: "approve" } })).rejects.toMatchObject({ code: "not_found" });
    await completeTask(t.db, await t.actor("wumin"), { taskId: technical.id, data: { decision: "approve", comment: "公差可以保证" } });

    const delivery = await task(r.instanceId);
    const zhenghao = await t.actor("zhenghao");
    expect(delivery).toMatchObject({ elementId: "delivery_confirm", assigneeId: zhenghao.id });
    // A date later than the customer's earliest requested date cannot be confirmed.
    const late = completeTask(t.db, zhenghao, { taskId: delivery.id, data: { decision: "approve", feasibleDate: inDays(35) } });
    await expect(late).rejects.toMatchObject({ code: "validation", fieldErrors: { feasibleDate: "validation.delivery_not_feasible" }, params: { value: inDays(35), limit: due } });
    expect((await task(r.instanceId)).id).toBe(delivery.id);
    await completeTask(t.db, zhenghao, { taskId: delivery.id, data: { decision: "approve", feasibleDate: inDays(28) } });
    await drainJobs(t.db);
    expect(await t.db.opportunityReview.findUniqueOrThrow({ where: { id: r.reviewId } })).toMatchObject({ status: "approved" });
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: r.instanceId } })).status).toBe("completed");
    // A technical review writes nothing to the ERP.
    expect(await t.db.job.count({ where: { kind: "erp.write", instanceId: r.instanceId } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "opportunity_review.approved", entityId: r.reviewId } })).toBe(1);
  });

  it("commercial review: a margin below the floor blocks the approval; rejected with the reason; fixed lines approved by the lead and finance are quoted in the ERP once, even after a crash between send and record", async () => {
    const majun = await t.actor("majun");
    await expect(setMarginFloor(t.db, majun, { floorPct: 10 })).rejects.toMatchObject({ code: "forbidden" });
    await setMarginFloor(t.db, await t.actor("admin"), { floorPct: 20 });
    expect(await marginFloor(t.db)).toBe(20);

    // 5.00 with 10 % off is 4.50 net against a cost of 4.00: 11.11 %.
    const o = await opportunity("quotation", [{ quantity: 1000, unitPrice: 5, discountPct: 10, unitCost: 4 }]);
    const first = await startOpportunityReview(t.db, majun, { opportunityId: o.id });
    const lead = await task(first.instanceId);
    const heqiang = await t.actor("heqiang");
    expect(lead).toMatchObject({ elementId: "sales_lead_review", assigneeId: heqiang.id, formKey: "opportunity_commercial_review" });
    const refused = completeTask(t.db, heqiang, { taskId: lead.id, data: { decision: "approve" } });
    await expect(refused).rejects.toMatchObject({ code: "validation", fieldErrors: { decision: "validation.margin_below_floor" }, params: { value: "11.11", limit: "20" } });
    await completeTask(t.db, heqiang, { taskId: lead.id, data: { decision: "reject", comment: "毛利率不足 20%，请调整折扣" } });
    await drainJobs(t.db);
    expect(await t.db.opportunityReview.findUniqueOrThrow({ where: { id: first.reviewId } })).toMatchObject({ status: "rejected", outcomeNote: "毛利率不足 20%，请调整折扣" });

    // The rep drops the discount (5.00 net, 20 % margin) and starts again.
    await t.db.opportunityLine.updateMany({ where: { opportunityId: o.id }, data: { discountPct: 0, amount: 5000 } });
    const second = await startOpportunityReview(t.db, majun, { opportunityId: o.id });
    await completeTask(t.db, heqiang, { taskId: (await task(second.instanceId)).id, data: { decision: "approve" } });
    const finance = await task(second.instanceId);
    expect(finance).toMatchObject({ elementId: "finance_review", candidateGroups: ["finance"] });
    await completeTask(t.db, await t.actor("huangting"), { taskId: finance.id, data: { decision: "approve", comment: "同意报价" } });

    // Run the service step only (one batch of due jobs): the quotation is queued, not yet sent.
    expect(await runDueJobs(t.db, { workerId: "review-test", max: 1 })).toBe(1);
    expect(await t.db.job.findFirst({ where: { kind: "erp.write", instanceId: second.instanceId } })).toMatchObject({ status: "pending" });
    const job = await t.db.job.findFirstOrThrow({ where: { kind: "erp.write", idempotencyKey: `erp.write:opportunity-quote:${second.reviewId}` } });
    const payload = job.payload as unknown as ErpWritePayload<"recordSalesOrder">;
    expect(payload.input).toMatchObject({ reference: o.code, currencyCode: "CNY", customer: { role: "customer", name: "东莞市长盈精密技术有限公司" }, lines: [{ productCode: "P-1002", quantity: 1000, unitCode: "PCS", unitPrice: 5 }] });
    // A crash after the ERP accepted the write and before the app recorded it: the ERP already holds it under the key.
    await createBuiltinConnector(t.db).recordSalesOrder(payload.input, payload.key);
    await drainJobs(t.db);

    const after = await t.db.opportunity.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({ erpSaleId: `sale:${o.code}`, erpSaleNumber: `SQ-${o.code}` });
    expect(after.erpQuotedAt).toBeInstanceOf(Date);
    expect(await t.db.integrationLedger.count({ where: { handler: "erp.recordSalesOrder", businessKey: o.code } })).toBe(1);
    expect(await t.db.erpSyncLog.count({ where: { operation: "write.recordSalesOrder", idempotencyKey: payload.key, status: "ok" } })).toBe(1);
    expect(await t.db.opportunityReview.findUniqueOrThrow({ where: { id: second.reviewId } })).toMatchObject({ status: "approved" });
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: second.instanceId } })).status).toBe("completed");

    // The panel's list: newest first, with the reason of the rejected one and the ERP number.
    const panel = await listOpportunityReviews(t.db, majun, o.id);
    expect(panel.reviews.map((r) => r.status)).toEqual(["approved", "rejected"]);
    expect(panel.reviews[1]).toMatchObject({ outcomeNote: "毛利率不足 20%，请调整折扣", marginPct: 11.11 });
    expect(panel).toMatchObject({ erpSaleNumber: `SQ-${o.code}`, canStart: false, stage: "quotation" });
    await expect(startOpportunityReview(t.db, majun, { opportunityId: o.id })).rejects.toMatchObject({ code: "opportunity_review_approved" });
    await expect(listOpportunityReviews(t.db, await t.actor("sunli"), o.id)).rejects.toMatchObject({ code: "not_found" });
  });
  it("a running review is cancelled with a reason by its starter, the owner, the sales lead or an administrator: the flow and its tasks go, a new review may start", async () => {
    const majun = await t.actor("majun");
    const heqiang = await t.actor("heqiang");
    const o = await opportunity("quotation", [{ quantity: 100, unitPrice: 5 }]);
    const first = await startOpportunityReview(t.db, majun, { opportunityId: o.id });
    const cancel = (who = majun, reason = "客户需求变更", reviewId = first.reviewId) => cancelOpportunityReview(t.db, who, o.id, reviewId, { reason });
    await expect(cancel(majun, "  ")).rejects.toMatchObject({ code: "validation", fieldErrors: { reason: "validation.cancel_reason_required" } });
    await expect(cancel(await t.actor("sunli"))).rejects.toMatchObject({ code: "not_found" });
    await expect(cancel(majun, "原因", "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    expect((await listOpportunityReviews(t.db, majun, o.id)).reviews[0]).toMatchObject({ status: "running", mayCancel: true });

    const open = await task(first.instanceId);
    expect(open.assigneeId).toBe(heqiang.id);
    const before = (await countOpenTasks(t.db, heqiang)).mine;
    await cancel(heqiang, " 客户需求变更 ");
    expect(await t.db.opportunityReview.findUniqueOrThrow({ where: { id: first.reviewId } })).toMatchObject({ status: "cancelled", outcomeNote: "客户需求变更" });
    expect((await t.db.processInstance.findUniqueOrThrow({ where: { id: first.instanceId } })).status).toBe("cancelled");
    expect((await t.db.task.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("cancelled");
    expect((await countOpenTasks(t.db, heqiang)).mine).toBe(before - 1);
    expect(await t.db.auditLog.findFirst({ where: { action: "opportunity_review.cancel", entityId: first.reviewId } })).toMatchObject({ actorId: heqiang.id, after: { reason: "客户需求变更", stage: "quotation", tasksCancelled: 1 } });
    await expect(cancel()).rejects.toMatchObject({ code: "opportunity_review_finished" });
    expect((await listOpportunityReviews(t.db, majun, o.id)).reviews[0]).toMatchObject({ status: "cancelled", outcomeNote: "客户需求变更", mayCancel: false });

    // The stage may be reviewed again; a decided review cannot be cancelled.
    const second = await startOpportunityReview(t.db, majun, { opportunityId: o.id });
    await completeTask(t.db, heqiang, { taskId: (await task(second.instanceId)).id, data: { decision: "reject", comment: "请调整折扣" } });
    await drainJobs(t.db);
    await expect(cancel(majun, "原因", second.reviewId)).rejects.toMatchObject({ code: "opportunity_review_finished" });
    expect(await t.db.auditLog.count({ where: { action: "opportunity_review.cancel", entityId: second.reviewId } })).toBe(0);
  });
});
