import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { getDb } from "../db/client";

/** What the workbench shows about the signed-in employee: department, roles, groups. */
export async function getWorkbenchProfile(actor: EmployeeActor) {
  const db = await getDb();
  const e = await db.employee.findUniqueOrThrow({
    where: { id: actor.id },
    include: { department: true, roles: { include: { role: true } }, groups: { include: { group: true } } },
  });
  return {
    department: e.department ? { nameZh: e.department.nameZh, nameEn: e.department.nameEn } : null,
    roles: e.roles.map((r) => ({ key: r.role.key, nameZh: r.role.nameZh, nameEn: r.role.nameEn })),
    groups: e.groups.filter((g) => g.group.active).map((g) => ({ key: g.group.key, nameZh: g.group.nameZh, nameEn: g.group.nameEn })),
  };
}
