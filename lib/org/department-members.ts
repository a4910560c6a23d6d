import "server-only";
import type { Db, Tx } from "../db/client";
import { subtreeIds } from "./department-scope";

export type MemberPick = { id: string; name: string; username: string; departmentZh: string | null; departmentEn: string | null };

/**
 * The people a department head may hand work to: the active employees of the departments
 * they head and of every department below them, themselves first. Empty for someone who
 * heads no department (they may pick only themselves).
 */
export async function membersOfHeadedDepartments(db: Db | Tx, headId: string): Promise<MemberPick[]> {
  const headed = await db.department.findMany({ where: { headId }, select: { id: true } });
  const ids = [...new Set((await Promise.all(headed.map((d) => subtreeIds(db, d.id)))).flat())];
  const people = await db.employee.findMany({
    where: { active: true, OR: [{ id: headId }, ...(ids.length ? [{ departmentId: { in: ids } }] : [])] },
    select: { id: true, name: true, username: true, department: { select: { nameZh: true, nameEn: true } } },
    orderBy: [{ name: "asc" }],
  });
  const picks = people.map((p) => ({ id: p.id, name: p.name, username: p.username, departmentZh: p.department?.nameZh ?? null, departmentEn: p.department?.nameEn ?? null }));
  return [...picks.filter((p) => p.id === headId), ...picks.filter((p) => p.id !== headId)];
}
