import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { PERMISSIONS, ROLE_KEYS, requirePermission, type Permission } from "../auth/permissions";
import type { Db } from "../db/client";

/** Where a permission's name and explanation live: admin.roles.permissions.<key> and permissionHints.<key> (message keys cannot hold dots). */
export function permissionMessageKey(p: Permission): string {
  return p.replaceAll(".", "_");
}

/**
 * Role -> permissions, read from the permission table in code (the source of
 * truth); names and member counts come from the database.
 */
export async function listRoleMatrix(db: Db, actor: EmployeeActor) {
  requirePermission(actor, "org.view");
  const permissions = Object.keys(PERMISSIONS) as Permission[];
  const rows = await db.role.findMany({
    select: { key: true, nameZh: true, nameEn: true, _count: { select: { members: { where: { employee: { active: true } } } } } },
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const roles = ROLE_KEYS.map((key) => {
    const row = byKey.get(key);
    return {
      key,
      nameZh: row?.nameZh ?? key,
      nameEn: row?.nameEn ?? key,
      memberCount: row?._count.members ?? 0,
      permissions: permissions.filter((p) => (PERMISSIONS[p] as readonly string[]).includes(key)),
    };
  });
  return { permissions, roles };
}
