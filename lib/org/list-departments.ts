import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";

type TreeRow = { id: string; parentId: string | null; code: string };

/**
 * Parents before children, siblings by code, each with its depth, so that a
 * flat list can be shown as an indented tree. A row whose parent is not in the
 * list (outside a department admin's subtree) starts a tree of its own.
 */
export function orderAsTree<T extends TreeRow>(rows: T[]): (T & { depth: number })[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: (T & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ ...r, depth });
      visit(r.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export type DepartmentRow = Awaited<ReturnType<typeof listDepartments>>[number];

/** The whole organisation chart; anyone who may view the organisation sees all of it. */
export async function listDepartments(db: Db, actor: EmployeeActor) {
  requirePermission(actor, "org.view");
  const rows = await db.department.findMany({
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      parentId: true,
      active: true,
      head: { select: { id: true, name: true, username: true } },
      _count: { select: { employees: { where: { active: true } }, children: { where: { active: true } } } },
    },
  });
  return orderAsTree(
    rows.map(({ _count, ...d }) => ({ ...d, people: _count.employees, subDepartments: _count.children })),
  );
}
