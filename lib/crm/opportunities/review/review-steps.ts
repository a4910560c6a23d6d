import "server-only";
import { SYSTEM } from "../../../auth/actor";
import { writeAudit } from "../../../audit/write-audit";
import type { Db, Tx } from "../../../db/client";
import type { SalesOrderInput } from "../../../erp/connector";
import { getConnector } from "../../../erp/get-connector";
import { enqueueErpWrite } from "../../../erp/outbox";
import { partyInputFor } from "../../../erp/party-input";
import type { ServiceContext } from "../../../workflow/service-handler";
import type { ReviewSnapshot } from "./review-data";

// The review flow's service steps (processes/opportunity-review.bpmn). Each runs as a job
// after its step committed and may run again after a crash: every change is conditional
// on the review still running, and the ERP write is queued under the review's own key.

async function reviewOf(tx: Db | Tx, instanceId: string) {
  const review = await tx.opportunityReview.findUnique({ where: { instanceId } });
  if (!review) throw new Error(`no opportunity review for instance ${instanceId}`);
  return review;
}

/** Who made the last decision of the flow (for the audit row). */
async function lastDecider(tx: Tx, instanceId: string) {
  const t = await tx.task.findFirst({ where: { instanceId, status: "completed" }, orderBy: { completedAt: "desc" }, select: { completedById: true, elementId: true } });
  return { by: t?.completedById ?? null, step: t?.elementId ?? null };
}

async function decide(ctx: ServiceContext, status: "approved" | "rejected", extra?: (tx: Tx) => Promise<void>) {
  await ctx.db.$transaction(async (tx) => {
    const review = await reviewOf(tx, ctx.instanceId);
    const note = status === "rejected" ? String(ctx.variables.comment ?? "").trim().slice(0, 2000) || null : null;
    const changed = await tx.opportunityReview.updateMany({ where: { id: review.id, status: "running" }, data: { status, outcomeNote: note, decidedAt: new Date() } });
    if (!changed.count) return;
    await writeAudit(tx, SYSTEM, { action: `opportunity_review.${status}`, entity: "OpportunityReview", entityId: review.id, after: { stage: review.stage, note, ...(await lastDecider(tx, ctx.instanceId)) } });
    if (extra) await extra(tx);
  });
  return { reviewStatus: status };
}

/** crm.rejectOpportunityReview: the review ends rejected with the reviewer's reason; the rep may revise and start again. */
export const rejectReviewStep = (ctx: ServiceContext) => decide(ctx, "rejected");

/** crm.approveOpportunityReview: the review ends approved. */
export const approveReviewStep = (ctx: ServiceContext) => decide(ctx, "approved");

/**
 * crm.quoteOpportunityToErp: the approved commercial review, as reviewed (its snapshot),
 * queued to the ERP as a quotation (recordSalesOrder) for the customer's party, exactly
 * once per review: the outbox key is the review's, and the connector finds an earlier
 * write by the opportunity's code. The ERP's id and number come back onto the opportunity
 * (lib/erp/run-erp-write.ts). The review is marked approved in the same transaction.
 */
export async function quoteToErpStep(ctx: ServiceContext) {
  // Read before the transaction: the embedded database has one connection, held by it.
  const review = await reviewOf(ctx.db, ctx.instanceId);
  const s = review.snapshot as unknown as ReviewSnapshot;
  const customer = await partyInputFor(ctx.db, (await getConnector(ctx.db)).kind, "customer", s.customer.id);
  if (!customer) throw new Error(`customer ${s.customer.code} of review ${review.id} is gone`);
  // A line without its own unit takes the library product's.
  const products = await ctx.db.product.findMany({ where: { code: { in: s.lines.map((l) => l.productCode ?? "") } }, select: { code: true, unitCode: true } });
  const unitOf = new Map(products.map((p) => [p.code, p.unitCode]));
  const input: SalesOrderInput = {
    reference: s.code,
    customer,
    currencyCode: s.currencyCode,
    lines: s.lines.map((l) => ({
      productCode: l.productCode ?? "",
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unitCode || unitOf.get(l.productCode ?? "") || "",
      // The net unit price: the discount is the app's; the ERP gets what the customer pays.
      unitPrice: l.quantity ? Math.round((l.amount / l.quantity) * 10_000) / 10_000 : l.unitPrice,
    })),
  };
  return decide(ctx, "approved", (tx) =>
    enqueueErpWrite(tx, { operation: "recordSalesOrder", input, idempotencyKey: `opportunity-quote:${review.id}`, instanceId: ctx.instanceId, record: { model: "opportunity", id: review.opportunityId } }),
  );
}
