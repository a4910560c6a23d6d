import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemo } from "@/lib/demo/seed";
import { taskQuery, type TaskQuery } from "@/lib/inbox/inbox.schema";
import { COUNT_CAP, countTasks } from "@/lib/inbox/count-tasks";
import { DUE_SOON_MS, dueStateOf } from "@/lib/inbox/due-state";
import { listTasks, taskScope } from "@/lib/inbox/list-tasks";
import { now } from "@/lib/workflow/clock";
import { completeTask } from "@/lib/workflow/complete-task";
import { startInstance } from "@/lib/workflow/start-instance";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { dbKinds, freshDb } from "@/test/db";
import { employee, supplierUser } from "@/test/workflow-fixtures";

// listTasks and countTasks build their page and count in SQL, run on the
// PostgreSQL pool directly, for speed (bench/inbox.ts). This checks both against
// the plain Prisma query they replaced (taskScope and the same filters, sort and
// paging) over many actors, views and queries.
async function reference(db: Db, actor: Actor, raw: Partial<Record<keyof TaskQuery, unknown>>) {
  const query = taskQuery.parse(raw);
  const at = now();
  const and: Prisma.TaskWhereInput[] = [taskScope(actor, query.view)];
  if (query.q) {
    const inVariable = (name: string) => ({ instance: { variables: { path: [name], string_contains: query.q, mode: "insensitive" as const } } });
    and.push({ OR: [{ name: { contains: query.q, mode: "insensitive" } }, { instance: { businessKey: { contains: query.q, mode: "insensitive" } } }, inVariable("title"), inVariable("supplierName")] });
  }
  if (query.process) and.push({ instance: { definition: { key: query.process } } });
  if (query.due === "overdue") and.push({ dueAt: { lt: at } });
  if (query.due === "soon") and.push({ dueAt: { gte: at, lt: new Date(at.getTime() + DUE_SOON_MS) } });
  if (query.due === "ontime") and.push({ OR: [{ dueAt: null }, { dueAt: { gte: new Date(at.getTime() + DUE_SOON_MS) } }] });
  const orderBy: Prisma.TaskOrderByWithRelationInput[] =
    query.sort === "dueAt" ? [{ dueAt: { sort: query.dir, nulls: "last" } }, { createdAt: "desc" }] : [{ [query.sort]: query.dir }, { id: "asc" }];
  const rows = await db.task.findMany({
    where: { AND: and },
    orderBy,
    skip: (query.page - 1) * query.size,
    take: query.size,
    include: { instance: { select: { businessKey: true, variables: true, definition: { select: { key: true, name: true } } } } },
  });
  const total = await db.task.count({ where: { AND: and }, take: COUNT_CAP + 1 });
  const names = new Map((await db.employee.findMany({ select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  const text = (t: unknown) => (typeof t === "string" && t.trim() ? t.trim().slice(0, 120) : null);
  // The record's title, else (for staff) the supplier it concerns.
  const title = (v: unknown) => {
    const vars = (v ?? {}) as Record<string, unknown>;
    return text(vars.title) ?? (actor.realm === "supplier" ? null : text(vars.supplierName));
  };
  return {
    items: rows.map((r) => ({
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
      subject: title(r.instance.variables),
      processKey: r.instance.definition.key,
      processName: r.instance.definition.name,
      dueState: r.status === "open" ? dueStateOf(r.dueAt, at) : "none",
    })),
    total: Math.min(total, COUNT_CAP),
    hasNext: total > query.page * query.size,
  };
}

const kinds = await dbKinds();

describe.each(kinds)("listTasks in SQL selects what the Prisma query did, on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
    const db = opened.db;
    await seedDemo(db);
    await syncShippedProcesses(db);
    const lina = await employee(db, "lina");
    const s1 = await db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    for (let i = 0; i < 24; i++) {
      await startInstance(db, lina, { key: "purchase_requisition", businessKey: `EQ-${i % 3 ? "A" : "B"}_${i}`, variables: { title: i % 4 ? `采购 ${i}% 批` : "  ", amount: i * 7000, ...(i % 8 === 0 ? { supplierName: "苏州精密五金有限公司" } : {}) } });
      if (i % 3 === 0) await startInstance(db, await employee(db, "chenjing"), { key: "quality_issue", businessKey: `QI-${i}`, supplierId: s1.id, variables: { supplierId: s1.id, title: `异常 ${i}`, description: "x" } });
    }
    // Some reviews done (management tasks follow for big amounts), some claimed.
    const reviews = await db.task.findMany({ where: { elementId: "purchasing_review", status: "open" }, orderBy: { createdAt: "asc" } });
    for (const [i, t] of reviews.entries()) {
      if (i % 3 === 0) await completeTask(db, lina, { taskId: t.id, data: { decision: i % 2 ? "approve" : "reject", comment: "ok" } });
      else if (i % 3 === 1) await db.task.update({ where: { id: t.id }, data: { assigneeId: (await employee(db, "liuyang")).id } });
    }
    // Spread due dates and priorities (with ties) and creation times (without: the dueAt sort has no further tie-break).
    const all = await db.task.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const base = Date.now();
    for (const [i, t] of all.entries()) {
      const dueAt = i % 5 === 0 ? null : new Date(base + ((i % 7) - 3) * 20 * 3600_000 + 5 * 60_000);
      await db.task.update({ where: { id: t.id }, data: { dueAt, priority: 40 + (i % 4) * 10, createdAt: new Date(base - (i % 6) * 3600_000 - i * 1000) } });
    }
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });

  it("for every view, filter, sort and page", async () => {
    const db = opened.db;
    const actors: Actor[] = [
      await employee(db, "lina"),
      await employee(db, "liuyang"),
      await employee(db, "zhangwei"),
      await employee(db, "chenjing"),
      await employee(db, "admin"),
      await supplierUser(db, "supplier1"),
      await supplierUser(db, "supplier2"),
    ];
    const queries: Partial<Record<keyof TaskQuery, unknown>>[] = [
      {},
      { sort: "dueAt", dir: "asc" },
      { sort: "dueAt", dir: "desc" },
      { sort: "priority", dir: "asc", size: 5, page: 2 },
      { sort: "createdAt", dir: "asc", size: 5, page: 3 },
      { due: "overdue" },
      { due: "soon", sort: "dueAt" },
      { due: "ontime" },
      { q: "eq-b" },
      { q: "审核" },
      { q: "%" },
      { q: "_1" },
      { q: "批" },
      { q: "精密五金" },
      { process: "quality_issue" },
      { process: "purchase_requisition", due: "ontime", sort: "priority", dir: "desc" },
    ];
    let compared = 0;
    for (const actor of actors) {
      for (const view of ["todo", "mine", "group", "started", "done"] as const) {
        for (const q of queries) {
          const [got, count, want] = await Promise.all([listTasks(db, actor, { ...q, view }), countTasks(db, actor, { ...q, view }), reference(db, actor, { ...q, view })]);
          expect({ actor: actor.name, view, q, items: got.items, hasNext: got.hasNext, total: count.total }).toEqual({ actor: actor.name, view, q, items: want.items, hasNext: want.hasNext, total: want.total });
          compared += got.items.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  }, 120_000);

  it("an employee without groups has no group tasks (no error)", async () => {
    const db = opened.db;
    const lonely = { ...(await employee(db, "lina")), groups: [] };
    expect((await listTasks(db, lonely, { view: "group" })).items).toEqual([]);
    expect(await db.task.count({ where: taskScope(lonely, "group") })).toBe(0);
  });
});
