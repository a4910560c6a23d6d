import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { subtreeIds } from "./department-scope";
import { DELEGABLE_ROLES } from "./role-catalog";

/**
 * What an actor may grant and remove: everything (administrators, the system),
 * or, for a department administrator, the delegable roles and the groups of his
 * department subtree, to anyone but himself.
 */
export type GrantScope =
  | { all: true }
  | { all: false; actorId: string; roles: ReadonlySet<string>; groups: ReadonlySet<string> };

/**
 * Groups carry no department, so a group belongs to a subtree when it has
 * members and every one of them (active or not) sits inside it. A group an
 * administrator has put anyone else into is no longer the department's.
 */
async function groupsInside(db: Db | Tx, departmentIds: string[]): Promise<string[]> {
  const rows = await db.group.findMany({
    where: { members: { some: {}, every: { employee: { departmentId: { in: departmentIds } } } } },
    select: { key: true },
  });
  return rows.map((g) => g.key);
}

export async function grantScope(db: Db | Tx, actor: Actor): Promise<GrantScope> {
  if (actor.realm === "system" || hasPermission(actor, "org.manage")) return { all: true };
  if (actor.realm !== "employee" || !hasPermission(actor, "org.manage.department") || !actor.departmentId) {
    return { all: false, actorId: actor.id ?? "", roles: new Set(), groups: new Set() };
  }
  const groups = await groupsInside(db, await subtreeIds(db, actor.departmentId));
  return { all: false, actorId: actor.id, roles: new Set(DELEGABLE_ROLES), groups: new Set(groups) };
}

const changed = (before: string[], after: string[]) => [
  ...after.filter((x) => !before.includes(x)),
  ...before.filter((x) => !after.includes(x)),
];

/**
 * Refuses a change of someone's roles and groups beyond the scope. Granting and
 * removing are bounded alike: what an administrator granted stays until an
 * administrator removes it.
 */
export function assertGrantChange(
  scope: GrantScope,
  change: { employeeId: string | null; before: { roles: string[]; groups: string[] }; after: { roles: string[]; groups: string[] } },
) {
  if (scope.all) return;
  const roles = changed(change.before.roles, change.after.roles);
  const groups = changed(change.before.groups, change.after.groups);
  if (roles.length === 0 && groups.length === 0) return;
  if (change.employeeId === scope.actorId) throw new AppError("grant_own_access");
  if (roles.some((r) => !scope.roles.has(r))) throw new AppError("role_not_delegable", { fieldErrors: { roles: "validation.role_not_delegable" } });
  if (groups.some((g) => !scope.groups.has(g))) throw new AppError("group_not_delegable", { fieldErrors: { groups: "validation.group_not_delegable" } });
}

/**
 * A new password for someone holding a role the actor may not grant would hand
 * that role over through the account, so it is refused like the grant itself.
 */
export function assertMaySetPassword(scope: GrantScope, employeeId: string, roles: string[]) {
  if (scope.all || employeeId === scope.actorId) return;
  if (roles.some((r) => !scope.roles.has(r))) throw new AppError("password_not_delegable", { fieldErrors: { password: "validation.password_not_delegable" } });
}
