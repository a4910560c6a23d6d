import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { InstanceQuery } from "./process-admin.schema";

const INSTANCE_PAGE_SIZE = 20;
// Days are the users' days (the workbench runs on Asia/Shanghai time).
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

type InstanceFilters = Pick<InstanceQuery, "key" | "businessKey" | "status" | "starter" | "from" | "to">;

/** The instances the list's filters select (the page and its Excel export); the starter matches by username or name. */
export async function instanceWhere(db: Db, q: InstanceFilters): Promise<Prisma.ProcessInstanceWhereInput> {
  let starterIds: string[] | undefined;
  if (q.starter) {
    const people = await db.employee.findMany({ where: { OR: [{ username: { contains: q.starter.toLowerCase() } }, { name: { contains: q.starter } }] }, select: { id: true }, take: 200 });
    starterIds = people.map((p) => p.id);
  }
  const startedAt: Prisma.DateTimeFilter = {};
  if (q.from) startedAt.gte = dayStart(q.from);
  if (q.to) startedAt.lt = new Date(dayStart(q.to).getTime() + 864e5);
  return {
    ...(q.key ? { definition: { key: q.key } } : {}),
    ...(q.businessKey ? { businessKey: { contains: q.businessKey, mode: "insensitive" } } : {}),
    ...(q.status !== "all" ? { status: q.status } : {}),
    ...(starterIds ? { startedBy: { in: starterIds } } : {}),
    ...(q.from || q.to ? { startedAt } : {}),
  };
}

/** One page of process instances for operators, filtered and paged on the server. */
export async function listInstances(db: Db, actor: EmployeeActor, q: InstanceQuery) {
  requirePermission(actor, "process.operate");
  const where = await instanceWhere(db, q);
  const [total, rows, keys] = await Promise.all([
    db.processInstance.count({ where }),
    db.processInstance.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      skip: (q.page - 1) * INSTANCE_PAGE_SIZE,
      take: INSTANCE_PAGE_SIZE,
      select: {
        id: true,
        businessKey: true,
        status: true,
        startedAt: true,
        endedAt: true,
        startedBy: true,
        incident: true,
        definition: { select: { key: true, version: true, name: true } },
        tasks: { where: { status: "open" }, select: { name: true }, take: 3 },
      },
    }),
    db.processDefinition.findMany({ distinct: ["key"], select: { key: true, name: true }, orderBy: { key: "asc" } }),
  ]);
  const starters = await db.employee.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.startedBy).filter((x): x is string => !!x))] } }, select: { id: true, name: true } });
  const nameOf = new Map(starters.map((s) => [s.id, s.name]));
  return {
    total,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / INSTANCE_PAGE_SIZE)),
    processes: keys,
    rows: rows.map((r) => ({ ...r, starterName: r.startedBy ? (nameOf.get(r.startedBy) ?? null) : null, currentSteps: r.tasks.map((x) => x.name) })),
  };
}
