import "server-only";
import { z } from "zod";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission, requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { subtreeIds } from "./department-scope";
import { pageWindow } from "../paging/page-window";
import { parseInput } from "../errors/parse-input";

const EMPLOYEE_SORTS = ["username", "name", "department", "active", "createdAt"] as const;
const PAGE_SIZES = [10, 20, 50] as const;

type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Every field falls back to its default: a hand-edited URL never fails the page.
const listQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  departmentId: z.string().uuid().nullable().catch(null),
  active: z.enum(["all", "active", "inactive"]).catch("all"),
  sort: z.enum(EMPLOYEE_SORTS).catch("username"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});

export type EmployeeListQuery = z.infer<typeof listQuery>;

/** Reads the list state from URL search params (q, dept, active, sort, dir, page, size). */
export function parseEmployeeListQuery(params: SearchParams): EmployeeListQuery {
  return parseInput(listQuery, {
    q: one(params.q) ?? "",
    departmentId: one(params.dept) ?? null,
    active: one(params.active),
    sort: one(params.sort),
    dir: one(params.dir),
    page: one(params.page),
    pageSize: one(params.size),
  });
}

/**
 * Departments whose people the actor administers: null means all (admins), else
 * the actor's own department subtree (department admins). Anyone else is refused.
 */
export async function manageableDepartmentIds(db: Db, actor: EmployeeActor): Promise<string[] | null> {
  requirePermission(actor, "org.manage.department");
  if (hasPermission(actor, "org.manage")) return null;
  return actor.departmentId ? subtreeIds(db, actor.departmentId) : [];
}

function orderBy(sort: EmployeeSort, dir: "asc" | "desc"): Prisma.EmployeeOrderByWithRelationInput[] {
  const tie = { username: "asc" } as const;
  switch (sort) {
    case "department":
      return [{ department: { code: dir } }, tie];
    case "username":
      return [{ username: dir }];
    default:
      return [{ [sort]: dir }, tie];
  }
}

export type EmployeeListRow = Awaited<ReturnType<typeof listEmployees>>["rows"][number];

/** One page of the employees the actor may administer; the scope is applied here, on the server. */
export async function listEmployees(db: Db, actor: EmployeeActor, query: EmployeeListQuery) {
  const scope = await manageableDepartmentIds(db, actor);
  let departmentIds = scope;
  if (query.departmentId) {
    const picked = await subtreeIds(db, query.departmentId);
    // A filter narrows the scope, never widens it.
    departmentIds = scope ? picked.filter((id) => scope.includes(id)) : picked;
  }
  const where: Prisma.EmployeeWhereInput = {
    ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
    ...(query.active === "all" ? {} : { active: query.active === "active" }),
    ...(query.q
      ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { username: { contains: query.q, mode: "insensitive" } }] }
      : {}),
  };
  const total = await db.employee.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, query.page, query.pageSize);
  const rows = await db.employee.findMany({
    where,
    orderBy: orderBy(query.sort, query.dir),
    skip,
    take,
    select: {
      id: true,
      username: true,
      name: true,
      email: true,
      phone: true,
      active: true,
      departmentId: true,
      department: { select: { code: true, nameZh: true, nameEn: true } },
      roles: { select: { role: { select: { key: true } } } },
      groups: { select: { group: { select: { key: true } } } },
    },
  });
  return {
    rows: rows.map(({ roles, groups, ...e }) => ({ ...e, roles: roles.map((r) => r.role.key), groups: groups.map((g) => g.group.key) })),
    total,
    page,
    pageCount,
    query: { ...query, page },
  };
}
