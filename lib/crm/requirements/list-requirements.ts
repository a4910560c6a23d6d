import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { foldText } from "../knowledge/fold-text";
import { visibleCustomersWhere } from "../customer-scope";
import { requirementListQuery } from "./requirement.schema";
import { UUID, visibleRequirementsWhere } from "./requirement-scope";

const REQUIREMENT_PAGE_SIZE = 20;

/**
 * The requirement library (CRM-7): the requirements of the customers the employee sees,
 * newest first, filtered by customer, category, status, opportunity and text (code, title,
 * customer code, description), a page of 20 with the total.
 */
export async function listRequirements(db: Db, who: Actor | null, raw: Record<string, unknown>, locale = "zh-CN") {
  const actor = requirePermission(who, "crm.view");
  const q = requirementListQuery.parse(raw);
  const and: Prisma.ProductRequirementWhereInput[] = [await visibleRequirementsWhere(db, actor)];
  if (q.customer && UUID.test(q.customer)) and.push({ customerId: q.customer });
  if (q.category && UUID.test(q.category)) and.push({ categoryId: q.category });
  if (q.opportunity && UUID.test(q.opportunity)) and.push({ opportunityId: q.opportunity });
  if (q.status) and.push({ status: q.status });
  for (const term of foldText(q.q ?? "").split(/\s+/).filter(Boolean).slice(0, 5)) and.push({ searchText: { contains: term } });
  const where = { AND: and };
  const [rows, total, customers, categories] = await Promise.all([
    db.productRequirement.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * REQUIREMENT_PAGE_SIZE,
      take: REQUIREMENT_PAGE_SIZE,
      select: { id: true, code: true, title: true, status: true, customerCode: true, createdAt: true, customer: { select: { name: true } }, opportunity: { select: { code: true, name: true } }, category: { select: { nameZh: true, nameEn: true } }, product: { select: { name: true } } },
    }),
    db.productRequirement.count({ where }),
    db.customer.findMany({ where: { AND: [await visibleCustomersWhere(db, actor), { requirements: { some: {} } }] }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" }, take: 200 }),
    db.productCategory.findMany({ where: { active: true }, select: { id: true, nameZh: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  return {
    query: q,
    total,
    pageSize: REQUIREMENT_PAGE_SIZE,
    rows: rows.map((r) => ({ ...r, category: r.category ? (locale === "en" ? r.category.nameEn : r.category.nameZh) : null })),
    customers,
    categories: categories.map((c) => ({ id: c.id, name: locale === "en" ? c.nameEn : c.nameZh })),
  };
}
