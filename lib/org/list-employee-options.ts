import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission, ROLE_KEYS } from "../auth/permissions";
import type { Db } from "../db/client";
import { orderAsTree } from "./list-departments";
import { manageableDepartmentIds } from "./list-employees";

/** Roles that only a full administrator may hand out (save-employee refuses them otherwise). */
const ADMIN_ONLY_ROLES = ["admin", "dept_admin"];

export type EmployeeFormOptions = Awaited<ReturnType<typeof listEmployeeFormOptions>>;

/**
 * What the employee form and filters may offer this actor: departments inside
 * their scope, the roles they may grant, and the groups.
 */
export async function listEmployeeFormOptions(db: Db, actor: EmployeeActor) {
  const scope = await manageableDepartmentIds(db, actor);
  const [departments, roles, groups] = await Promise.all([
    db.department.findMany({
      where: scope ? { id: { in: scope } } : {},
      select: { id: true, code: true, nameZh: true, nameEn: true, parentId: true, active: true },
    }),
    db.role.findMany({ select: { key: true, nameZh: true, nameEn: true } }),
    db.group.findMany({ orderBy: { key: "asc" }, select: { key: true, nameZh: true, nameEn: true, active: true } }),
  ]);
  const fullAdmin = hasPermission(actor, "org.manage");
  const rank = (key: string) => {
    const i = (ROLE_KEYS as readonly string[]).indexOf(key);
    return i < 0 ? ROLE_KEYS.length : i;
  };
  return {
    departments: orderAsTree(departments),
    roles: roles
      .sort((a, b) => rank(a.key) - rank(b.key))
      .map((r) => ({ ...r, grantable: fullAdmin || !ADMIN_ONLY_ROLES.includes(r.key) })),
    groups,
    /** Department admins may not create people outside any department. */
    mayLeaveDepartmentEmpty: fullAdmin,
  };
}
