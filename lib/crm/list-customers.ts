import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { countedPage } from "../paging/page-window";
import { now } from "../workflow/clock";
import { contactThresholds, contactTone, type ContactThresholds } from "./crm-settings";
import { CUSTOMER_PAGE_SIZE, type CustomerListQuery } from "./customer-lists.schema";
import { visibleCustomersWhere } from "./customer-scope";

const DAY = 86_400_000;

/** Whole days from a moment to now, counted in Shanghai calendar days. */
export function daysSince(at: Date, today: Date = now()): number {
  const day = (d: Date) => Math.floor((d.getTime() + 8 * 3600_000) / DAY);
  return Math.max(0, day(today) - day(at));
}

/**
 * Customers whose phone (the customer's own or any contact's) holds these digits,
 * whatever the spacing and dashes it was typed with (0512-6252 3300 for 62523300).
 */
async function phoneMatches(db: Db, digits: string): Promise<string[]> {
  const like = `%${digits}%`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Customer" c WHERE regexp_replace(coalesce(c."contactPhone", ''), '[^0-9]', '', 'g') LIKE ${like}
    UNION SELECT cc."customerId" FROM "CustomerContact" cc WHERE regexp_replace(coalesce(cc.phone, ''), '[^0-9]', '', 'g') LIKE ${like}`;
  return rows.map((r) => r.id);
}

/** A search as sales people type it on a phone: part of the name or code, pinyin initials (hlj), or digits of a phone number. */
async function searchWhere(db: Db, q: string): Promise<Prisma.CustomerWhereInput> {
  const or: Prisma.CustomerWhereInput[] = [{ name: { contains: q, mode: "insensitive" } }, { code: { contains: q, mode: "insensitive" } }];
  if (/^[a-z]{2,}$/i.test(q)) or.push({ nameInitials: { contains: q.toLowerCase() } }, { namePinyin: { startsWith: q.toLowerCase() } });
  const digits = q.replace(/\D/g, "");
  if (digits.length >= 4 && /^[\d\s()+-]+$/.test(q)) or.push({ id: { in: await phoneMatches(db, digits) } });
  return { OR: or };
}

/** Customers not contacted since the threshold (never contacted ones count from when they were entered). */
function contactWhere(filter: CustomerListQuery["contact"], t: ContactThresholds, today: Date): Prisma.CustomerWhereInput {
  if (filter === "any") return {};
  if (filter === "never") return { lastContactAt: null };
  const before = new Date(today.getTime() - t[filter] * DAY);
  return { OR: [{ lastContactAt: { lt: before } }, { lastContactAt: null, createdAt: { lt: before } }] };
}

/**
 * "My customers" (CRM-2): the customers the employee sees (customer-scope.ts), as their
 * own, their team's or all they see, searched and filtered, the longest uncontacted
 * first, each with the days since the last contact and its colour by the sales lead's thresholds.
 */
export async function listCustomers(db: Db, who: Actor | null, q: CustomerListQuery, pageSize = CUSTOMER_PAGE_SIZE) {
  const actor = requirePermission(who, "crm.view");
  const today = now();
  const [scope, thresholds, search] = await Promise.all([visibleCustomersWhere(db, actor), contactThresholds(db), q.q ? searchWhere(db, q.q) : {}]);
  const view: Prisma.CustomerWhereInput = q.view === "mine" ? { ownerId: actor.id } : q.view === "team" ? { teamId: actor.departmentId ?? "none" } : {};
  const where: Prisma.CustomerWhereInput = {
    AND: [
      scope,
      view,
      search,
      q.level ? { level: q.level } : {},
      q.tag ? { tags: { has: q.tag } } : {},
      q.stage ? { stage: q.stage } : {},
      q.region ? { region: { contains: q.region, mode: "insensitive" } } : {},
      q.industry ? { industry: { contains: q.industry, mode: "insensitive" } } : {},
      q.category ? { categoryIds: { has: q.category } } : {},
      q.owner ? { ownerId: q.owner } : {},
      contactWhere(q.contact, thresholds, today),
    ],
  };
  const { rows, total, page, pageCount } = await countedPage(
    () => db.customer.count({ where }),
    (skip, take) =>
      db.customer.findMany({
        where,
        orderBy: [{ lastContactAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
        skip,
        take,
        select: { id: true, code: true, name: true, level: true, tags: true, categoryIds: true, industry: true, region: true, stage: true, contactName: true, contactPhone: true, lastContactAt: true, createdAt: true, owner: { select: { name: true } } },
      }),
    q.page,
    pageSize,
  );
  return {
    rows: rows.map(({ owner, ...c }) => {
      const days = daysSince(c.lastContactAt ?? c.createdAt, today);
      return { ...c, ownerName: owner?.name ?? null, days, never: !c.lastContactAt, tone: contactTone(days, thresholds) };
    }),
    thresholds,
    total,
    page,
    pageCount,
  };
}

export type CustomerRow = Awaited<ReturnType<typeof listCustomers>>["rows"][number];
