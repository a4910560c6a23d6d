import "server-only";
import { pinyin } from "pinyin-pro";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { substituteScope } from "../workflow/substitute-scope";
import { canSee } from "../workflow/task-access";

export type EmployeePick = { id: string; name: string; username: string; departmentZh: string | null; departmentEn: string | null };
export type SupplierPick = { id: string; code: string; name: string };

/** Active employees to hand a task to or name as a substitute. */
export async function listEmployeePicks(db: Db, opts: { exceptId?: string } = {}): Promise<EmployeePick[]> {
  const rows = await db.employee.findMany({
    where: { active: true, ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}) },
    orderBy: { username: "asc" },
    take: 2000,
    select: { id: true, name: true, username: true, department: { select: { nameZh: true, nameEn: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, username: r.username, departmentZh: r.department?.nameZh ?? null, departmentEn: r.department?.nameEn ?? null }));
}

/** A person in the delegate picker, with what a search matches besides the name: the user name and the name's pinyin ("lina") and initials ("ln"). */
export type PersonPick = EmployeePick & { pinyin: string; initials: string };

/**
 * One heading of the picker: the members of one of the task's candidate groups,
 * the actor's own department, another department, or those in none.
 */
export type PickSection = { kind: "group" | "ownDepartment" | "department" | "noDepartment"; nameZh: string | null; nameEn: string | null; people: PersonPick[] };

function spelled(name: string) {
  const syllables = pinyin(name, { toneType: "none", type: "array", surname: "head", v: true }).filter((s) => /^[a-z]+$/i.test(s));
  return { pinyin: syllables.join("").toLowerCase(), initials: syllables.map((s) => s[0]).join("").toLowerCase() };
}

/**
 * Whom the actor may hand a task to, as the picker shows them: first the
 * members of the task's candidate groups, then the actor's department, then
 * every other department (by name), each person once. Never the actor, the
 * task's current assignee or a deactivated account (assignTask refuses those
 * too). The task must be one the actor can see.
 */
export async function listDelegatePicks(db: Db, who: Actor, taskId: string): Promise<PickSection[]> {
  const actor = requireEmployee(who);
  const task = /^[0-9a-f-]{36}$/i.test(taskId) ? await db.task.findUnique({ where: { id: taskId }, include: { instance: { select: { startedBy: true } } } }) : null;
  if (!task || !canSee(actor, task, await substituteScope(db, actor, now()))) throw new AppError("not_found");
  const [people, groups] = await Promise.all([
    db.employee.findMany({
      where: { active: true, id: { notIn: [actor.id, ...(task.assigneeId ? [task.assigneeId] : [])] } },
      orderBy: { username: "asc" },
      take: 2000,
      select: { id: true, name: true, username: true, departmentId: true, department: { select: { nameZh: true, nameEn: true } }, groups: { select: { group: { select: { key: true } } } } },
    }),
    db.group.findMany({ where: { key: { in: task.candidateGroups }, active: true }, select: { key: true, nameZh: true, nameEn: true } }),
  ]);
  const pick = (p: (typeof people)[number]): PersonPick => ({ id: p.id, name: p.name, username: p.username, departmentZh: p.department?.nameZh ?? null, departmentEn: p.department?.nameEn ?? null, ...spelled(p.name) });
  const placed = new Set<string>();
  const take = (match: (p: (typeof people)[number]) => boolean) => {
    const chosen = people.filter((p) => !placed.has(p.id) && match(p));
    for (const p of chosen) placed.add(p.id);
    return chosen.map(pick);
  };

  const sections: PickSection[] = [];
  // Candidate groups in the task's order.
  for (const key of task.candidateGroups) {
    const g = groups.find((x) => x.key === key);
    if (g) sections.push({ kind: "group", nameZh: g.nameZh, nameEn: g.nameEn, people: take((p) => p.groups.some((m) => m.group.key === key)) });
  }
  if (actor.departmentId) {
    const own = people.find((p) => p.departmentId === actor.departmentId)?.department ?? (await db.department.findUnique({ where: { id: actor.departmentId }, select: { nameZh: true, nameEn: true } }));
    sections.push({ kind: "ownDepartment", nameZh: own?.nameZh ?? null, nameEn: own?.nameEn ?? null, people: take((p) => p.departmentId === actor.departmentId) });
  }
  const departments = [...new Map(people.filter((p) => p.department && !placed.has(p.id)).map((p) => [p.departmentId!, p.department!])).entries()];
  departments.sort(([, a], [, b]) => a.nameZh.localeCompare(b.nameZh, "zh-CN"));
  for (const [id, d] of departments) sections.push({ kind: "department", nameZh: d.nameZh, nameEn: d.nameEn, people: take((p) => p.departmentId === id) });
  sections.push({ kind: "noDepartment", nameZh: null, nameEn: null, people: take(() => true) });
  return sections.filter((s) => s.people.length > 0);
}

/** Suppliers a process can be started for (a start form's "supplier" field). */
export async function listSupplierPicks(db: Db): Promise<SupplierPick[]> {
  return db.supplier.findMany({ where: { status: "active" }, orderBy: { code: "asc" }, take: 2000, select: { id: true, code: true, name: true } });
}
