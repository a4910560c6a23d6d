import "server-only";
import type { Actor } from "../../auth/actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { pageWindow } from "../../paging/page-window";
import { now } from "../../workflow/clock";
import { daysSince } from "../list-customers";
import type { LeadListQuery } from "./lead-lists.schema";
import { visibleLeadsWhere } from "./lead-scope";

const PAGE_SIZE = 25;

function searchWhere(q: string): Prisma.LeadWhereInput {
  const or: Prisma.LeadWhereInput[] = [{ companyName: { contains: q, mode: "insensitive" } }, { code: { contains: q, mode: "insensitive" } }, { contactName: { contains: q } }];
  if (/^[a-z]{2,}$/i.test(q)) or.push({ nameInitials: { contains: q.toLowerCase() } });
  const digits = q.replace(/\D/g, "");
  if (digits.length >= 4) or.push({ phone: { contains: digits } });
  return { OR: or };
}

const statusWhere = (s: LeadListQuery["status"]): Prisma.LeadWhereInput => (s === "all" ? {} : s === "open" ? { status: { in: ["new", "working"] } } : { status: s });

/**
 * The lead list (CRM-3): my leads, my teams' leads or the pool, as far as the employee
 * sees them (lead-scope.ts; team and pool are the sales lead's), the longest unworked first.
 */
export async function listLeads(db: Db, who: Actor | null, q: LeadListQuery) {
  const actor = requirePermission(who, "crm.view");
  const view = q.view !== "mine" && !hasPermission(actor, "lead.distribute") ? "mine" : q.view;
  const scope = await visibleLeadsWhere(db, actor);
  const viewWhere: Prisma.LeadWhereInput = view === "mine" ? { ownerId: actor.id } : view === "pool" ? { ownerId: null } : { ownerId: { not: null } };
  const where: Prisma.LeadWhereInput = { AND: [scope, viewWhere, statusWhere(q.status), q.q ? searchWhere(q.q) : {}] };
  const total = await db.lead.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, PAGE_SIZE);
  const rows = await db.lead.findMany({
    where,
    orderBy: [{ lastWorkedAt: "asc" }, { code: "asc" }],
    skip,
    take,
    select: { id: true, code: true, companyName: true, contactName: true, phone: true, region: true, industry: true, source: true, status: true, ownerId: true, teamId: true, lastWorkedAt: true, createdAt: true },
  });
  const owners = new Map((await db.employee.findMany({ where: { id: { in: rows.map((r) => r.ownerId).filter((x): x is string => !!x) } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const today = now();
  return {
    view,
    rows: rows.map((r) => ({ ...r, ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null, idleDays: daysSince(r.lastWorkedAt, today) })),
    total,
    page,
    pageCount,
  };
}

export type LeadRow = Awaited<ReturnType<typeof listLeads>>["rows"][number];
