import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { supplierInput, type SupplierInput } from "./supplier.schema";
import { parseInput } from "../errors/parse-input";

/** Minimal supplier record; registration and review flows build on it (SRM-1..3). */
export async function createSupplier(db: Db, actor: EmployeeActor, raw: SupplierInput) {
  requirePermission(actor, "supplier_account.manage");
  const input = parseInput(supplierInput, raw);
  try {
    return await db.$transaction(async (tx) => {
      const s = await tx.supplier.create({ data: { ...input, code: input.code.toUpperCase() } });
      await writeAudit(tx, actor, { action: "supplier.create", entity: "Supplier", entityId: s.id, after: s });
      return s;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { code: "validation.taken" } });
    throw e;
  }
}
