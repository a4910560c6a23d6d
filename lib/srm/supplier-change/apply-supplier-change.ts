import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { enqueueErpWrite } from "../../erp/outbox";
import type { ServiceContext } from "../../workflow/service-handler";
import { supplierPartyWrite } from "../supplier-erp-write";
import { CHANGE_FIELDS, readProposal, staleFields, touchesBank, type ChangeField } from "./change-fields";

/** The group whose approval a bank change needs, whatever the flow says. */
const FINANCE_GROUP = "finance";

type Outcome = "applied" | "stale" | "finance_missing";

async function changeOf(db: Db | Tx, ctx: ServiceContext) {
  const id = typeof ctx.variables.changeId === "string" ? ctx.variables.changeId : null;
  const change = id ? await db.supplierChange.findUnique({ where: { id } }) : null;
  if (!change || change.instanceId !== ctx.instanceId) throw new Error(`instance ${ctx.instanceId} has no supplier change`);
  return change;
}

/** Whether someone in the finance group approved a step of this instance. */
async function financeApproved(tx: Tx, instanceId: string) {
  const approvals = await tx.task.findMany({ where: { instanceId, status: "completed", outcome: "approve", completedById: { not: null } }, select: { completedById: true } });
  if (!approvals.length) return false;
  return (await tx.groupMember.count({ where: { group: { key: FINANCE_GROUP }, employeeId: { in: approvals.map((a) => a.completedById!) } } })) > 0;
}

/**
 * Service task srm.applySupplierChange: the approved proposal goes into the archive in
 * one transaction with its audit row and, for an active supplier, the ERP write in the
 * outbox. Refused, and the archive left as it is, when a changed field moved in the
 * archive since the proposal (no lost update) or when bank details change without an
 * approval by finance. Returns `changeResult` for the flow.
 */
export async function applySupplierChangeStep(ctx: ServiceContext): Promise<{ changeResult: Outcome }> {
  return ctx.db.$transaction(async (tx) => {
    const change = await changeOf(tx, ctx);
    if (change.status !== "pending") return { changeResult: change.status === "approved" ? "applied" : (change.outcome as Outcome) };
    const proposal = readProposal(change.changes);
    const before = await tx.supplier.findUniqueOrThrow({ where: { id: change.supplierId } });
    const stale = staleFields(before, proposal);
    const refused: Outcome | null = stale.length ? "stale" : touchesBank(proposal) && !(await financeApproved(tx, ctx.instanceId)) ? "finance_missing" : null;
    if (refused) {
      await tx.supplierChange.update({ where: { id: change.id }, data: { status: "refused", outcome: refused, decidedAt: new Date() } });
      await writeAudit(tx, SYSTEM, { action: "supplier.change_refused", entity: "Supplier", entityId: change.supplierId, after: { number: change.number, outcome: refused, fields: stale } });
      return { changeResult: refused };
    }
    const fields = CHANGE_FIELDS.filter((f): f is ChangeField => f in proposal);
    const after = await tx.supplier.update({ where: { id: change.supplierId }, data: Object.fromEntries(fields.map((f) => [f, proposal[f]!.to])) });
    await tx.supplierChange.update({ where: { id: change.id }, data: { status: "approved", outcome: "applied", decidedAt: new Date() } });
    await writeAudit(tx, SYSTEM, {
      action: "supplier.change_applied",
      entity: "Supplier",
      entityId: change.supplierId,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: { ...Object.fromEntries(fields.map((f) => [f, after[f]])), number: change.number },
    });
    if (after.status === "active") await enqueueErpWrite(tx, { ...supplierPartyWrite(after, `supplier:${after.id}:change:${change.id}`), instanceId: ctx.instanceId });
    return { changeResult: "applied" };
  });
}

/** Service task srm.rejectSupplierChange: a rejected proposal is closed; the archive stays as it is. */
export async function rejectSupplierChangeStep(ctx: ServiceContext) {
  await ctx.db.$transaction(async (tx) => {
    const change = await changeOf(tx, ctx);
    if (change.status !== "pending") return;
    await tx.supplierChange.update({ where: { id: change.id }, data: { status: "rejected", outcome: "rejected", decidedAt: new Date() } });
    await writeAudit(tx, SYSTEM, { action: "supplier.change_rejected", entity: "Supplier", entityId: change.supplierId, after: { number: change.number } });
  });
}
