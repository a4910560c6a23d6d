import "server-only";
import type { Actor } from "../../auth/actor";
import { SYSTEM } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { now } from "../../workflow/clock";
import type { ServiceContext } from "../../workflow/service-handler";
import { startInstance } from "../../workflow/start-instance";
import { assertMayEditContract, visibleContract } from "./contract-scope";

const CONTRACT_APPROVAL_KEY = "sales_contract_approval";

/**
 * Rough CNY values of foreign currencies, used only to route a contract's approval (the
 * flow's finance threshold is in CNY); never for an amount anyone reads.
 */
const REFERENCE_CNY_RATE: Record<string, number> = { CNY: 1, USD: 7.1, EUR: 7.7, GBP: 9, JPY: 0.048, HKD: 0.91 };

/**
 * Starts the approval flow (processes/sales-contract-approval.bpmn) of a draft contract:
 * the sales lead of the owner's team first, finance over the flow's amount threshold, then
 * the general manager. The contract is in review from the same transaction on.
 */
export async function startContractApproval(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "crm.view");
  const c = await visibleContract(db, actor, id, { customer: { select: { name: true, ownerId: true, teamId: true } } });
  await assertMayEditContract(db, actor, c);
  if (c.status !== "draft") throw new AppError("contract_state");
  const salesLeadId = await salesLeadOf(db, c.teamId, c.ownerId);
  const total = Number(c.totalAmount);
  return startInstance(db, actor, {
    key: CONTRACT_APPROVAL_KEY,
    businessKey: `${c.number}-v${c.currentVersion}`,
    recordType: "SalesContract",
    recordId: c.id,
    variables: {
      contractId: c.id,
      contractNumber: c.number,
      contractVersion: c.currentVersion,
      customerName: c.customer.name,
      template: c.template,
      currencyCode: c.currencyCode,
      totalAmount: total,
      amountCny: Math.round(total * (REFERENCE_CNY_RATE[c.currencyCode] ?? 1)),
      paymentTerms: c.paymentTerms,
      salesLeadId,
    },
    link: async (tx, instanceId) => {
      const moved = await tx.salesContract.updateMany({ where: { id: c.id, status: "draft", currentVersion: c.currentVersion }, data: { status: "in_review", instanceId } });
      if (!moved.count) throw new AppError("conflict");
      await writeAudit(tx, actor, { action: "sales_contract.submit", entity: "SalesContract", entityId: c.id, after: { instanceId, version: c.currentVersion, total } });
    },
  });
}

/** The head of the owner's team, else of the department above it; the owner's own department head may be the owner. */
async function salesLeadOf(db: Db, teamId: string | null, ownerId: string): Promise<string> {
  let deptId = teamId;
  for (let depth = 0; deptId && depth < 5; depth++) {
    const d = await db.department.findUnique({ where: { id: deptId }, select: { headId: true, parentId: true } });
    if (d?.headId && d.headId !== ownerId) return d.headId;
    deptId = d?.parentId ?? null;
  }
  return ownerId;
}

async function contractOf(tx: Tx, ctx: ServiceContext) {
  const id = typeof ctx.variables.contractId === "string" ? ctx.variables.contractId : "";
  const c = id ? await tx.salesContract.findUnique({ where: { id } }) : null;
  if (!c || c.instanceId !== ctx.instanceId) throw new Error(`instance ${ctx.instanceId} has no sales contract`);
  return c;
}

/** Service task crm.approveSalesContract: the contract may now be signed. A re-run finds it decided. */
export async function approveContractStep(ctx: ServiceContext) {
  await ctx.db.$transaction(async (tx) => {
    const c = await contractOf(tx, ctx);
    if (c.status !== "in_review") return;
    await tx.salesContract.update({ where: { id: c.id }, data: { status: "approved", approvedAt: now() } });
    await writeAudit(tx, SYSTEM, { action: "sales_contract.approve", entity: "SalesContract", entityId: c.id, after: { version: c.currentVersion, instanceId: ctx.instanceId } });
  });
  return { contractResult: "approved" };
}

/** Service task crm.rejectSalesContract: back to draft, the reviewer's reason kept in the audit. */
export async function rejectContractStep(ctx: ServiceContext) {
  await ctx.db.$transaction(async (tx) => {
    const c = await contractOf(tx, ctx);
    if (c.status !== "in_review") return;
    const reason = typeof ctx.variables.comment === "string" ? ctx.variables.comment.slice(0, 1000) : null;
    await tx.salesContract.update({ where: { id: c.id }, data: { status: "draft" } });
    await writeAudit(tx, SYSTEM, { action: "sales_contract.reject", entity: "SalesContract", entityId: c.id, after: { version: c.currentVersion, reason } });
  });
  return { contractResult: "rejected" };
}
