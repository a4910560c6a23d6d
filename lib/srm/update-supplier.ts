import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { enqueueErpWrite } from "../erp/outbox";
import { supplierPartyWrite } from "./supplier-erp-write";
import { supplierUpdateInput, type SupplierUpdateInput } from "./supplier-update.schema";
import { parseInput } from "../errors/parse-input";

const FIELDS = ["name", "taxCode", "paymentTermCode", "contactName", "contactPhone", "address"] as const;

/**
 * Changes a supplier's master data. An active supplier's change is queued for the
 * ERP in the same transaction, keyed by the row's new updatedAt: each change is
 * written once, and a change that changes nothing writes nothing.
 */
export async function updateSupplier(db: Db, who: Actor, raw: SupplierUpdateInput) {
  const actor = requirePermission(who, "supplier.manage");
  const input = parseInput(supplierUpdateInput, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.supplier.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("not_found");
    const changed = FIELDS.filter((f) => before[f] !== input[f]);
    if (!changed.length) return before;
    const { id, ...data } = input;
    const after = await tx.supplier.update({ where: { id }, data });
    if (after.status === "active") await enqueueErpWrite(tx, supplierPartyWrite(after, `supplier:${id}:update:${after.updatedAt.toISOString()}`));
    await writeAudit(tx, actor, {
      action: "supplier.update",
      entity: "Supplier",
      entityId: id,
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: Object.fromEntries(changed.map((f) => [f, after[f]])),
    });
    return after;
  });
}
