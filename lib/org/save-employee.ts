import "server-only";
import type { Actor, EmployeeActor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { hasPermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { assertCanManageIn } from "./department-scope";
import { assertGrantChange, assertMaySetPassword, grantScope } from "./grant-scope";
import { employeeInput, employeeUpdate, type EmployeeInput, type EmployeeUpdate } from "./org.schema";
import { parseInput } from "../errors/parse-input";

async function roleAndGroupIds(tx: Tx, roles: string[], groups: string[]) {
  const roleRows = await tx.role.findMany({ where: { key: { in: roles } } });
  const groupRows = await tx.group.findMany({ where: { key: { in: groups } } });
  if (roleRows.length !== new Set(roles).size) throw new AppError("validation", { fieldErrors: { roles: "validation.unknown_role" } });
  if (groupRows.length !== new Set(groups).size) throw new AppError("validation", { fieldErrors: { groups: "validation.unknown_group" } });
  return { roleIds: roleRows.map((r) => r.id), groupIds: groupRows.map((g) => g.id) };
}

/** A department admin must not take over a full administrator (new password, deactivation). */
function assertMayManageTarget(actor: EmployeeActor, targetRoles: string[]) {
  if (hasPermission(actor, "org.manage")) return;
  if (targetRoles.includes("admin")) throw new AppError("forbidden");
}

function snapshot(e: { id: string; username: string; name: string; email: string | null; departmentId: string | null; active: boolean }, roles: string[], groups: string[]) {
  return { id: e.id, username: e.username, name: e.name, email: e.email, departmentId: e.departmentId, active: e.active, roles, groups };
}

/** The system actor is used once, to create the first administrator. */
export async function createEmployee(db: Db, actor: EmployeeActor | Extract<Actor, { realm: "system" }>, raw: EmployeeInput) {
  const input = parseInput(employeeInput, raw);
  if (actor.realm === "employee") await assertCanManageIn(db, actor, input.departmentId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const { roleIds, groupIds } = await roleAndGroupIds(tx, input.roles, input.groups);
      assertGrantChange(await grantScope(tx, actor), { employeeId: null, before: { roles: [], groups: [] }, after: input });
      const e = await tx.employee.create({
        data: {
          username: input.username,
          name: input.name,
          email: input.email,
          phone: input.phone,
          departmentId: input.departmentId,
          passwordHash,
          roles: { create: roleIds.map((roleId) => ({ roleId })) },
          groups: { create: groupIds.map((groupId) => ({ groupId })) },
        },
      });
      await writeAudit(tx, actor, { action: "employee.create", entity: "Employee", entityId: e.id, after: snapshot(e, input.roles, input.groups) });
      return e;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { username: "validation.taken" } });
    throw e;
  }
}

export async function updateEmployee(db: Db, actor: EmployeeActor, raw: EmployeeUpdate) {
  const input = parseInput(employeeUpdate, raw);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    const before = await tx.employee.findUnique({ where: { id: input.id }, include: { roles: { include: { role: true } }, groups: { include: { group: true } } } });
    if (!before) throw new AppError("not_found");
    await assertCanManageIn(tx, actor, before.departmentId);
    await assertCanManageIn(tx, actor, input.departmentId);
    const beforeRoles = before.roles.map((r) => r.role.key);
    const beforeGroups = before.groups.map((g) => g.group.key);
    assertMayManageTarget(actor, beforeRoles);
    const { roleIds, groupIds } = await roleAndGroupIds(tx, input.roles, input.groups);
    const scope = await grantScope(tx, actor);
    assertGrantChange(scope, { employeeId: before.id, before: { roles: beforeRoles, groups: beforeGroups }, after: input });
    if (passwordHash) assertMaySetPassword(scope, before.id, beforeRoles);
    if (beforeRoles.includes("admin") && !input.roles.includes("admin")) await assertNotLastAdmin(tx, before.id);
    await tx.employeeRole.deleteMany({ where: { employeeId: input.id } });
    await tx.groupMember.deleteMany({ where: { employeeId: input.id } });
    const after = await tx.employee.update({
      where: { id: input.id },
      data: {
        name: input.name,
        email: input.email,
        phone: input.phone,
        departmentId: input.departmentId,
        // A new password ends the sessions opened with the old one (see lib/auth/sign-out.ts).
        ...(passwordHash ? { passwordHash, sessionVersion: { increment: 1 } } : {}),
        roles: { create: roleIds.map((roleId) => ({ roleId })) },
        groups: { create: groupIds.map((groupId) => ({ groupId })) },
      },
    });
    await writeAudit(tx, actor, {
      action: "employee.update",
      entity: "Employee",
      entityId: after.id,
      before: snapshot(before, beforeRoles, beforeGroups),
      after: { ...snapshot(after, input.roles, input.groups), passwordChanged: !!passwordHash },
    });
    return after;
  });
}

async function assertNotLastAdmin(tx: Tx, employeeId: string) {
  const admins = await tx.employee.count({ where: { active: true, id: { not: employeeId }, roles: { some: { role: { key: "admin" } } } } });
  if (admins === 0) throw new AppError("last_admin");
}

/** A deactivated employee can no longer sign in, and any open session stops working. */
export async function setEmployeeActive(db: Db, actor: EmployeeActor, id: string, active: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.employee.findUnique({ where: { id }, include: { roles: { include: { role: true } } } });
    if (!before) throw new AppError("not_found");
    await assertCanManageIn(tx, actor, before.departmentId);
    assertMayManageTarget(actor, before.roles.map((r) => r.role.key));
    if (!active && id === actor.id) throw new AppError("forbidden");
    if (!active && before.roles.some((r) => r.role.key === "admin")) await assertNotLastAdmin(tx, id);
    const after = await tx.employee.update({ where: { id }, data: { active } });
    await writeAudit(tx, actor, { action: active ? "employee.activate" : "employee.deactivate", entity: "Employee", entityId: id, before: { active: before.active }, after: { active } });
    return after;
  });
}
