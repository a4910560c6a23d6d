import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { now } from "../../workflow/clock";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import { supplierCategoriesInput } from "./certificates.schema";
import { refreshSupplierBlock } from "./supplier-block";

/**
 * Purchasing gives a supplier its categories (which decide its mandatory documents):
 * the list replaces the old one, with the codes before and after in the audit row, and
 * the blocked state follows at once (a category whose mandatory document has expired
 * blocks; dropping it may unblock and start held orders).
 */
export async function setSupplierCategories(db: Db, who: Actor, raw: unknown) {
  const actor = requirePermission(who, "supplier.manage");
  const input = parseInput(supplierCategoriesInput, raw);
  const released = await db.$transaction(async (tx) => {
    const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId }, select: { id: true, categories: { select: { category: { select: { id: true, code: true } } } } } });
    if (!supplier) throw new AppError("not_found");
    const wanted = await tx.supplierCategory.findMany({ where: { id: { in: input.categoryIds } }, select: { id: true, code: true } });
    if (wanted.length !== new Set(input.categoryIds).size) throw new AppError("validation", { fieldErrors: { categoryIds: "validation.invalid_value" } });
    const before = supplier.categories.map((c) => c.category.code).sort();
    const after = wanted.map((c) => c.code).sort();
    if (before.join() === after.join()) return [];
    await tx.supplierCategoryAssignment.deleteMany({ where: { supplierId: supplier.id } });
    await tx.supplierCategoryAssignment.createMany({ data: wanted.map((c) => ({ supplierId: supplier.id, categoryId: c.id })) });
    await writeAudit(tx, actor, { action: "supplier.categories", entity: "Supplier", entityId: supplier.id, before: { categories: before }, after: { categories: after } });
    return refreshSupplierBlock(tx, actor, supplier.id, now());
  });
  for (const key of released) await runJobNow(db, key);
}
