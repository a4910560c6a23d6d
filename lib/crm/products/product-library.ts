import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { pageWindow } from "../../paging/page-window";
import { checkParamValues, readParamDefs } from "./param-defs";
import { productLibraryInput, type ProductLibraryInput } from "./product-category.schema";

const PAGE_SIZE = 25;
const PRODUCT_SELECT = { id: true, code: true, name: true, unitCode: true, categoryId: true, techParams: true, active: true, erpId: true } as const;

/** The synced ERP products as the library (/crm/products): by text (code, name) and category; active ones. */
export async function listLibraryProducts(db: Db, who: Actor | null, q: { q?: string; categoryId?: string | null; page?: number; take?: number }) {
  requirePermission(who, "crm.view");
  const text = q.q?.trim();
  const where: Prisma.ProductWhereInput = {
    active: true,
    ...(q.categoryId === "none" ? { categoryId: null } : q.categoryId ? { categoryId: q.categoryId } : {}),
    ...(text ? { OR: [{ code: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }] } : {}),
  };
  const total = await db.product.count({ where });
  const size = q.take ?? PAGE_SIZE;
  const { page, pageCount, skip, take } = pageWindow(total, q.page ?? 1, size);
  const rows = await db.product.findMany({ where, orderBy: { code: "asc" }, skip, take, select: PRODUCT_SELECT });
  return { rows: rows.map((r) => ({ ...r, techParams: (r.techParams ?? {}) as Record<string, string | number> })), total, page, pageCount };
}
export type LibraryProduct = Awaited<ReturnType<typeof listLibraryProducts>>["rows"][number];

/**
 * Puts a product into a category of the library with its technical parameter values,
 * checked against the category's definitions (product.library). Only the library's two
 * columns change: the ERP sync never writes them, and this never writes the ERP's.
 */
export async function setProductLibrary(db: Db, who: Actor | null, raw: ProductLibraryInput) {
  const actor = requirePermission(who, "product.library");
  const input = parseInput(productLibraryInput, raw);
  const category = input.categoryId ? await db.productCategory.findUnique({ where: { id: input.categoryId }, select: { id: true, code: true, paramDefs: true } }) : null;
  if (input.categoryId && !category) throw new AppError("validation", { fieldErrors: { categoryId: "validation.required" } });
  const techParams = category ? checkParamValues(readParamDefs(category.paramDefs), input.techParams) : {};
  return db.$transaction(async (tx) => {
    const before = /^[0-9a-f-]{36}$/i.test(input.productId) ? await tx.product.findUnique({ where: { id: input.productId }, select: { id: true, code: true, categoryId: true, techParams: true } }) : null;
    if (!before) throw new AppError("not_found");
    await tx.product.update({ where: { id: before.id }, data: { categoryId: category?.id ?? null, techParams } });
    await writeAudit(tx, actor, { action: "product.library", entity: "Product", entityId: before.id, before: { categoryId: before.categoryId, techParams: before.techParams }, after: { categoryCode: category?.code ?? null, categoryId: category?.id ?? null, techParams } });
    return { id: before.id };
  });
}
