import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";

export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];

/** Groups (BPMN candidate groups) with their members; the count is of active people only. */
export async function listGroups(db: Db, actor: EmployeeActor) {
  requirePermission(actor, "org.view");
  const groups = await db.group.findMany({
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      nameZh: true,
      nameEn: true,
      active: true,
      members: { select: { employee: { select: { id: true, active: true } } } },
    },
  });
  return groups.map(({ members, ...g }) => ({
    ...g,
    memberIds: members.map((m) => m.employee.id),
    memberCount: members.filter((m) => m.employee.active).length,
  }));
}
