import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { taskQuery, type TaskQuery } from "./inbox.schema";

/** Tasks due within this window count as "due soon". */
export const DUE_SOON_MS = 24 * 3600_000;
/** Counting stops here: past it the pager says "10,000+" instead of scanning everything. */
export const COUNT_CAP = 10_000;

export type TaskRow = {
  id: string;
  name: string;
  elementId: string;
  status: string;
  priority: number;
  createdAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  businessKey: string | null;
  processKey: string;
  processName: string;
  dueState: "overdue" | "soon" | "ontime" | "none";
};

/** Which tasks a view shows for this actor; suppliers only ever see their own supplier's. */
export function taskScope(actor: Actor, view: TaskQuery["view"]): Prisma.TaskWhereInput {
  if (actor.realm === "supplier") {
    return view === "done"
      ? { candidateSupplierId: actor.supplierId, status: "completed" }
      : { candidateSupplierId: actor.supplierId, status: "open" };
  }
  if (actor.realm !== "employee") throw new AppError("forbidden");
  switch (view) {
    case "mine":
      return { status: "open", assigneeId: actor.id };
    case "group":
      return { status: "open", assigneeId: null, candidateGroups: { hasSome: actor.groups.length ? actor.groups : ["\u0000none"] } };
    case "started":
      return { status: "open", instance: { startedBy: actor.id } };
    case "done":
      return { status: "completed", completedById: actor.id };
  }
}

export function dueStateOf(dueAt: Date | null, at: Date): TaskRow["dueState"] {
  if (!dueAt) return "none";
  if (dueAt.getTime() < at.getTime()) return "overdue";
  return dueAt.getTime() - at.getTime() < DUE_SOON_MS ? "soon" : "ontime";
}

/** One inbox page: server-side filter, sort and paging; indexed for millions of rows. */
export async function listTasks(db: Db, actor: Actor, raw: Partial<Record<keyof TaskQuery, unknown>>) {
  const query = taskQuery.parse(raw);
  const at = now();
  const where: Prisma.TaskWhereInput = { AND: [taskScope(actor, query.view)] };
  const and = where.AND as Prisma.TaskWhereInput[];
  if (query.q) and.push({ OR: [{ name: { contains: query.q, mode: "insensitive" } }, { instance: { businessKey: { contains: query.q, mode: "insensitive" } } }] });
  if (query.process) and.push({ instance: { definition: { key: query.process } } });
  if (query.due === "overdue") and.push({ dueAt: { lt: at } });
  if (query.due === "soon") and.push({ dueAt: { gte: at, lt: new Date(at.getTime() + DUE_SOON_MS) } });
  if (query.due === "ontime") and.push({ OR: [{ dueAt: null }, { dueAt: { gte: new Date(at.getTime() + DUE_SOON_MS) } }] });
  const orderBy: Prisma.TaskOrderByWithRelationInput[] =
    query.sort === "dueAt" ? [{ dueAt: { sort: query.dir, nulls: "last" } }, { createdAt: "desc" }] : [{ [query.sort]: query.dir }, { id: "asc" }];

  const [rows, capped] = await Promise.all([
    db.task.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.size,
      take: query.size,
      include: { instance: { select: { businessKey: true, definition: { select: { key: true, name: true } } } } },
    }),
    db.task.findMany({ where, select: { id: true }, take: COUNT_CAP + 1 }),
  ]);
  const assignees = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))];
  const names = new Map((await db.employee.findMany({ where: { id: { in: assignees } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const items: TaskRow[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    elementId: r.elementId,
    status: r.status,
    priority: r.priority,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    completedAt: r.completedAt,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
    candidateGroups: r.candidateGroups,
    businessKey: r.instance.businessKey,
    processKey: r.instance.definition.key,
    processName: r.instance.definition.name,
    dueState: r.status === "open" ? dueStateOf(r.dueAt, at) : "none",
  }));
  const total = capped.length;
  return { query, items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP, pages: Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / query.size)) };
}
