import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { hasPermission, ROLE_KEYS } from "../auth/permissions";
import type { Db } from "../db/client";
import { grantScope } from "./grant-scope";
import { orderAsTree } from "./list-departments";
import { manageableDepartmentIds } from "./list-employees";

export type EmployeeFormOptions = Awaited<ReturnType<typeof listEmployeeFormOptions>>;

/**
 * What the employee form and filters may offer this actor: departments inside
 * their scope, and every role and group marked with whether this actor may
 * grant or remove it (grant-scope.ts, which save-employee enforces). All are
 * listed so that the list can name what others hold.
 */
export async function listEmployeeFormOptions(db: Db, actor: EmployeeActor) {
  const scope = await manageableDepartmentIds(db, actor);
  const [departments, roles, groups, grants] = await Promise.all([
    db.department.findMany({
      where: scope ? { id: { in: scope } } : {},
      select: { id: true, code: true, nameZh: true, nameEn: true, parentId: true, active: true },
    }),
    db.role.findMany({ select: { key: true, nameZh: true, nameEn: true } }),
    db.group.findMany({ orderBy: { key: "asc" }, select: { key: true, nameZh: true, nameEn: true, active: true } }),
    grantScope(db, actor),
  ]);
  const fullAdmin = hasPermission(actor, "org.manage");
  const rank = (key: string) => {
    const i = (ROLE_KEYS as readonly string[]).indexOf(key);
    return i < 0 ? ROLE_KEYS.length : i;
  };
  return {
    departments: orderAsTree(departments),
    roles: roles.sort((a, b) => rank(a.key) - rank(b.key)).map((r) => ({ ...r, grantable: grants.all || grants.roles.has(r.key) })),
    groups: groups.map((g) => ({ ...g, grantable: grants.all || grants.groups.has(g.key) })),
    /** Department admins may not create people outside any department. */
    mayLeaveDepartmentEmpty: fullAdmin,
    /** Whose roles and groups this actor may not change at all: a department admin's own. */
    lockedEmployeeId: grants.all ? null : actor.id,
  };
}
