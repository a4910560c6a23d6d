import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { groupInput, groupMembersInput, groupUpdate, type GroupInput } from "./org.schema";
import { parseInput } from "../errors/parse-input";

export async function createGroup(db: Db, actor: EmployeeActor, raw: GroupInput) {
  requirePermission(actor, "org.manage");
  const input = parseInput(groupInput, raw);
  try {
    return await db.$transaction(async (tx) => {
      const g = await tx.group.create({ data: input });
      await writeAudit(tx, actor, { action: "group.create", entity: "Group", entityId: g.id, after: g });
      return g;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { key: "validation.taken" } });
    throw e;
  }
}

/** The key is what BPMN candidate groups name, so it stays fixed; names may change. */
export async function updateGroup(db: Db, actor: EmployeeActor, raw: GroupInput & { id: string }) {
  requirePermission(actor, "org.manage");
  const { id, nameZh, nameEn } = parseInput(groupUpdate, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.group.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    const after = await tx.group.update({ where: { id }, data: { nameZh, nameEn } });
    await writeAudit(tx, actor, { action: "group.update", entity: "Group", entityId: id, before, after });
    return after;
  });
}

export async function setGroupMembers(db: Db, actor: EmployeeActor, raw: { id: string; employeeIds: string[] }) {
  requirePermission(actor, "org.manage");
  const { id, employeeIds } = parseInput(groupMembersInput, raw);
  return db.$transaction(async (tx) => {
    const group = await tx.group.findUnique({ where: { id }, include: { members: true } });
    if (!group) throw new AppError("not_found");
    const found = await tx.employee.count({ where: { id: { in: employeeIds } } });
    if (found !== new Set(employeeIds).size) throw new AppError("validation", { fieldErrors: { employeeIds: "validation.unknown_employee" } });
    await tx.groupMember.deleteMany({ where: { groupId: id } });
    await tx.groupMember.createMany({ data: [...new Set(employeeIds)].map((employeeId) => ({ groupId: id, employeeId })) });
    await writeAudit(tx, actor, { action: "group.members", entity: "Group", entityId: id, before: group.members.map((m) => m.employeeId), after: employeeIds });
  });
}

export async function setGroupActive(db: Db, actor: EmployeeActor, id: string, active: boolean) {
  requirePermission(actor, "org.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.group.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    const after = await tx.group.update({ where: { id }, data: { active } });
    await writeAudit(tx, actor, { action: active ? "group.activate" : "group.deactivate", entity: "Group", entityId: id, before: { active: before.active }, after: { active } });
    return after;
  });
}
