import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { visibleCustomersWhere } from "../customer-scope";
import { linkedParams, type LinkedParam } from "./linked-params";

/**
 * What the new-requirement form offers: the opportunities of the customers the employee
 * sees (open ones, newest first) and the library's active categories and products with the
 * parameters each would link.
 */
export async function requirementFormOptions(db: Db, who: Actor | null, locale = "zh-CN") {
  const actor = requirePermission(who, "crm.view");
  const customer = await visibleCustomersWhere(db, actor);
  const [opportunities, categories, products] = await Promise.all([
    db.opportunity.findMany({ where: { customer, stage: { notIn: ["won", "lost"] } }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, code: true, name: true, customer: { select: { code: true, name: true } } } }),
    db.productCategory.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, nameZh: true, nameEn: true, paramDefs: true } }),
    db.product.findMany({ where: { active: true, categoryId: { not: null } }, orderBy: { code: "asc" }, take: 500, select: { id: true, code: true, name: true, categoryId: true, techParams: true } }),
  ]);
  const defs = new Map(categories.map((c) => [c.id, c.paramDefs]));
  return {
    opportunities: opportunities.map((o) => ({ id: o.id, label: `${o.code} ${o.name}`, customerCode: o.customer.code, customerName: o.customer.name })),
    categories: categories.map((c) => ({ id: c.id, name: locale === "en" ? c.nameEn : c.nameZh, params: linkedParams(c.paramDefs, {}, locale) })),
    products: products.map((p) => ({ id: p.id, label: `${p.code} ${p.name}`, categoryId: p.categoryId!, params: linkedParams(defs.get(p.categoryId!) ?? [], p.techParams, locale) as LinkedParam[] })),
  };
}
