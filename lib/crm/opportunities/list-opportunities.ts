import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { pageWindow } from "../../paging/page-window";
import type { OpportunityListQuery } from "./opportunity-lists.schema";
import { visibleOpportunitiesWhere } from "./opportunity-scope";

const PAGE_SIZE = 25;

/** The list's filters as a query on top of the employee's visibility (opportunity-scope.ts). */
export async function opportunityListWhere(db: Db, actor: Actor, q: OpportunityListQuery): Promise<Prisma.OpportunityWhereInput> {
  const scope = await visibleOpportunitiesWhere(db, actor);
  const and: Prisma.OpportunityWhereInput[] = [scope];
  if (q.stage === "open") and.push({ stage: { notIn: ["won", "lost"] } });
  else if (q.stage !== "any") and.push({ stage: q.stage });
  if (q.owner) and.push({ ownerId: q.owner });
  if (q.customer) and.push({ customerId: q.customer });
  if (q.closeFrom) and.push({ expectedCloseDate: { gte: new Date(`${q.closeFrom}T00:00:00Z`) } });
  if (q.closeTo) and.push({ expectedCloseDate: { lte: new Date(`${q.closeTo}T00:00:00Z`) } });
  if (q.q) and.push({ OR: [{ name: { contains: q.q, mode: "insensitive" } }, { code: { contains: q.q, mode: "insensitive" } }, { customer: { name: { contains: q.q, mode: "insensitive" } } }] });
  return { AND: and };
}

export const OPPORTUNITY_ROW_SELECT = {
  id: true, code: true, name: true, stage: true, probability: true, expectedCloseDate: true, amount: true, currencyCode: true, ownerId: true, updatedAt: true,
  customer: { select: { id: true, code: true, name: true } },
} as const;

/** Owner names for a page of rows. */
export async function ownerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return new Map((await db.employee.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
}

/** The opportunity list (CRM-5): filtered by stage, owner, customer, expected close range and text; the nearest close first. */
export async function listOpportunities(db: Db, who: Actor | null, q: OpportunityListQuery) {
  const actor = requirePermission(who, "crm.view");
  const where = await opportunityListWhere(db, actor, q);
  const total = await db.opportunity.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, PAGE_SIZE);
  const rows = await db.opportunity.findMany({ where, orderBy: [{ expectedCloseDate: { sort: "asc", nulls: "last" } }, { code: "desc" }], skip, take, select: OPPORTUNITY_ROW_SELECT });
  const names = await ownerNames(db, rows.map((r) => r.ownerId));
  return {
    rows: rows.map((r) => ({ ...r, amount: r.amount.toString(), expectedCloseDate: r.expectedCloseDate?.toISOString().slice(0, 10) ?? null, ownerName: names.get(r.ownerId) ?? null })),
    total,
    page,
    pageCount,
  };
}
export type OpportunityRow = Awaited<ReturnType<typeof listOpportunities>>["rows"][number];

/** Who and what the filters can choose from: owners and customers of the opportunities the employee sees. */
export async function opportunityFilterChoices(db: Db, who: Actor | null) {
  const actor = requirePermission(who, "crm.view");
  const scope = await visibleOpportunitiesWhere(db, actor);
  const [owners, customers] = await Promise.all([
    db.opportunity.findMany({ where: scope, distinct: ["ownerId"], select: { ownerId: true }, take: 200 }),
    db.opportunity.findMany({ where: scope, distinct: ["customerId"], select: { customer: { select: { id: true, name: true } } }, take: 500 }),
  ]);
  const names = await ownerNames(db, owners.map((o) => o.ownerId));
  return {
    owners: owners.map((o) => ({ id: o.ownerId, name: names.get(o.ownerId) ?? "" })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    customers: customers.map((c) => c.customer).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
  };
}
