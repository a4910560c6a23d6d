import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit, type AuditActor } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import type { Supplier } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { enqueueErpWrite } from "../erp/outbox";
import { supplierPartyWrite } from "./supplier-erp-write";

/**
 * Approves a supplier: it becomes active and is written to the ERP as a party,
 * through the outbox in the same transaction (sent after commit, retried, never twice).
 */
export async function approveSupplier(db: Db, who: Actor, supplierId: string) {
  const actor = requirePermission(who, "supplier.approve");
  return db.$transaction(async (tx) => {
    const s = await tx.supplier.findUnique({ where: { id: supplierId } });
    if (!s) throw new AppError("not_found");
    if (s.status === "active") throw new AppError("supplier_already_active");
    return activateSupplier(tx, actor, s);
  });
}

/** In the caller's transaction: the supplier becomes active, its ERP write is queued, and audited (also by the re-review flow, which notes its approver). */
export async function activateSupplier(tx: Tx, actor: AuditActor, s: Supplier, note: Record<string, unknown> = {}) {
  const updated = await tx.supplier.update({ where: { id: s.id }, data: { status: "active" } });
  await enqueueErpWrite(tx, supplierPartyWrite(updated, `supplier:${s.id}:approve:${updated.updatedAt.toISOString()}`));
  await writeAudit(tx, actor, { action: "supplier.approve", entity: "Supplier", entityId: s.id, before: { status: s.status }, after: { status: "active", ...note } });
  return updated;
}
