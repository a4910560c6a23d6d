import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { readParamDefs } from "./param-defs";
import { productCategoryInput, type ProductCategoryInput } from "./product-category.schema";

/** The library's categories with their parameter definitions, in their order (active ones only unless asked). */
export async function listProductCategories(db: Db | Tx, who: Actor | null, opts: { inactive?: "included" } = {}) {
  requirePermission(who, "crm.view");
  const rows = await db.productCategory.findMany({
    where: opts.inactive === "included" ? {} : { active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameZh: true, nameEn: true, sortOrder: true, active: true, paramDefs: true, _count: { select: { products: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, paramDefs: readParamDefs(r.paramDefs), productCount: _count.products }));
}

/**
 * Creates (no id) or changes a category of the product library: code, names, order and
 * the parameter definitions (product.library). A parameter removed from the definitions
 * stays in products' stored values but is no longer shown or asked for.
 */
export async function saveProductCategory(db: Db, who: Actor | null, id: string | null, raw: ProductCategoryInput) {
  const actor = requirePermission(who, "product.library");
  const input = parseInput(productCategoryInput, raw);
  return db.$transaction(async (tx) => {
    const clash = await tx.productCategory.findUnique({ where: { code: input.code }, select: { id: true } });
    if (clash && clash.id !== id) throw new AppError("validation", { fieldErrors: { code: "validation.category_code_taken" } });
    if (!id) {
      const row = await tx.productCategory.create({ data: input, select: { id: true, code: true } });
      await writeAudit(tx, actor, { action: "product_category.create", entity: "ProductCategory", entityId: row.id, after: input });
      return row;
    }
    const before = await tx.productCategory.findUnique({ where: { id }, select: { code: true, nameZh: true, nameEn: true, sortOrder: true, active: true, paramDefs: true } });
    if (!before) throw new AppError("not_found");
    const row = await tx.productCategory.update({ where: { id }, data: input, select: { id: true, code: true } });
    await writeAudit(tx, actor, { action: "product_category.update", entity: "ProductCategory", entityId: id, before, after: input });
    return row;
  });
}
