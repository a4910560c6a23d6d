import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";

export type CustomerCategoryRow = { id: string; name: string; sortOrder: number; active: boolean };

const customerCategoryInput = z.object({
  name: z.string().trim().min(1, "validation.too_small").max(30, "validation.too_big"),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0).catch(0),
  active: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).nullish().transform((v) => v !== false && v !== "false"),
});
export type CustomerCategoryInput = z.input<typeof customerCategoryInput>;

/** The categories an administrator defined, in their order; inactive ones only when asked (the settings page). */
export async function listCustomerCategories(db: Db | Tx, who: Actor | null, opts: { withInactive?: boolean } = {}): Promise<CustomerCategoryRow[]> {
  requirePermission(who, "crm.view");
  return db.customerCategory.findMany({ where: opts.withInactive ? {} : { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, sortOrder: true, active: true } });
}

/** A category created or changed by an administrator (customer.categories); a retired one stays on the customers that carry it. Audited. */
export async function saveCustomerCategory(db: Db, who: Actor | null, id: string | null, raw: CustomerCategoryInput) {
  const actor = requirePermission(who, "customer.categories");
  const input = parseInput(customerCategoryInput, raw);
  try {
    return await db.$transaction(async (tx) => {
      const before = id ? await tx.customerCategory.findUnique({ where: { id } }) : null;
      if (id && !before) throw new AppError("not_found");
      const saved = before ? await tx.customerCategory.update({ where: { id: before.id }, data: input }) : await tx.customerCategory.create({ data: input });
      await writeAudit(tx, actor, { action: before ? "customer.category_update" : "customer.category_create", entity: "CustomerCategory", entityId: saved.id, before: before ?? undefined, after: input });
      return { id: saved.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("validation", { fieldErrors: { name: "validation.taken" } });
    throw e;
  }
}

/**
 * The categories a customer's profile may carry: active ones, and retired ones it
 * already carries; anything else refuses the change (validation on categoryIds).
 */
export async function checkCategoryIds(db: Db | Tx, wanted: string[], current: string[]): Promise<string[]> {
  const ids = [...new Set(wanted)];
  const known = ids.length ? await db.customerCategory.findMany({ where: { id: { in: ids.filter((c) => /^[0-9a-f-]{36}$/i.test(c)) } }, select: { id: true, active: true } }) : [];
  const ok = new Set(known.filter((k) => k.active || current.includes(k.id)).map((k) => k.id));
  if (ids.some((c) => !ok.has(c))) throw new AppError("validation", { fieldErrors: { categoryIds: "validation.invalid_value" } });
  return ids;
}
