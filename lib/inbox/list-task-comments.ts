import "server-only";
import type { Db } from "../db/client";

export type CommentRow = { id: string; body: string; createdAt: Date; authorName: string; authorRealm: "employee" | "supplier" | "system"; taskName: string | null };

/** The comments on an instance's tasks, oldest first, with their authors' names. */
export async function listInstanceComments(db: Db, instanceId: string): Promise<CommentRow[]> {
  const rows = await db.taskComment.findMany({ where: { instanceId }, orderBy: { createdAt: "asc" }, take: 500 });
  const ids = (realm: string) => [...new Set(rows.filter((r) => r.authorRealm === realm).map((r) => r.authorId))];
  const taskIds = [...new Set(rows.map((r) => r.taskId).filter((x): x is string => !!x))];
  const [employees, users, tasks] = await Promise.all([
    db.employee.findMany({ where: { id: { in: ids("employee") } }, select: { id: true, name: true } }),
    db.supplierUser.findMany({ where: { id: { in: ids("supplier") } }, select: { id: true, name: true, supplier: { select: { name: true } } } }),
    db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([...employees.map((e) => [e.id, e.name] as const), ...users.map((u) => [u.id, `${u.name} · ${u.supplier.name}`] as const)]);
  const taskNames = new Map(tasks.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.createdAt,
    authorName: names.get(r.authorId) ?? "—",
    authorRealm: r.authorRealm,
    taskName: r.taskId ? (taskNames.get(r.taskId) ?? null) : null,
  }));
}
