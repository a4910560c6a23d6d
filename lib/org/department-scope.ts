import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";

/** Ids of a department and every department below it. */
export async function subtreeIds(db: Db | Tx, rootId: string): Promise<string[]> {
  const all = await db.department.findMany({ select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const d of all) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * Decentralised administration: admins manage everyone; a department admin
 * manages only people inside their own department's subtree.
 */
export async function assertCanManageIn(db: Db | Tx, actor: EmployeeActor, departmentId: string | null) {
  if (hasPermission(actor, "org.manage")) return;
  if (!hasPermission(actor, "org.manage.department") || !actor.departmentId || !departmentId) {
    throw new AppError("forbidden");
  }
  const scope = await subtreeIds(db, actor.departmentId);
  if (!scope.includes(departmentId)) throw new AppError("forbidden");
}
