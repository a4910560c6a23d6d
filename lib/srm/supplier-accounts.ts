import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { initialPassword } from "../auth/initial-password";
import { hashPassword } from "../auth/password";
import { requirePermission } from "../auth/permissions";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { supplierUserInput, type SupplierUserInput } from "./supplier.schema";

const supplierUserPasswordInput = supplierUserInput.pick({ password: true }).extend({ id: z.string().uuid() });

/**
 * Portal accounts (SRM-10) live in their own table and realm: they hold no
 * employee roles or groups and can reach only their supplier's data.
 */
export async function createSupplierUser(db: Db, actor: EmployeeActor, raw: SupplierUserInput, opts: { passwordKnownToUser?: true } = {}) {
  requirePermission(actor, "supplier_account.manage");
  const input = parseInput(supplierUserInput, raw);
  const passwordHash = await hashPassword(input.password);
  // The employee chose the password: its holder replaces it at first sign-in. Only the
  // demo seed, whose password is published in the README, opts out.
  const mustChangePassword = opts.passwordKnownToUser !== true;
  try {
    return await db.$transaction(async (tx) => {
      const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId } });
      if (!supplier) throw new AppError("not_found");
      const { password: _pw, ...rest } = input;
      const u = await tx.supplierUser.create({ data: { ...rest, passwordHash, mustChangePassword } });
      await writeAudit(tx, actor, { action: "supplier_user.create", entity: "SupplierUser", entityId: u.id, after: { ...rest, id: u.id, mustChangePassword } });
      return u;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { username: "validation.taken" } });
    throw e;
  }
}

export async function setSupplierUserActive(db: Db, actor: EmployeeActor, id: string, active: boolean) {
  requirePermission(actor, "supplier_account.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.supplierUser.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    const after = await tx.supplierUser.update({ where: { id }, data: { active } });
    await writeAudit(tx, actor, { action: active ? "supplier_user.activate" : "supplier_user.deactivate", entity: "SupplierUser", entityId: id, before: { active: before.active }, after: { active } });
    return after;
  });
}

/**
 * An administrator sets a portal user's password. It ends every session of
 * that user (the session version moves on in the same transaction).
 */
export async function setSupplierUserPassword(db: Db, actor: EmployeeActor, raw: { id: string; password: string }) {
  requirePermission(actor, "supplier_account.manage");
  const { id, password } = parseInput(supplierUserPasswordInput, raw);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const before = await tx.supplierUser.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    await tx.supplierUser.update({ where: { id }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, { action: "supplier_user.password", entity: "SupplierUser", entityId: id, after: { passwordChanged: true, mustChangePassword: true } });
  });
}

/**
 * An administrator resets a portal user's password: a new initial password, returned
 * once, that its holder must replace at first sign-in; every session of the user ends.
 */
export async function resetSupplierUserPassword(db: Db, actor: EmployeeActor, id: string): Promise<{ username: string; name: string; password: string }> {
  requirePermission(actor, "supplier_account.manage");
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const before = await tx.supplierUser.findUnique({ where: { id }, select: { id: true, username: true, name: true, mustChangePassword: true } });
    if (!before) throw new AppError("not_found");
    await tx.supplierUser.update({ where: { id }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, { action: "supplier_user.password_reset", entity: "SupplierUser", entityId: id, before: { mustChangePassword: before.mustChangePassword }, after: { passwordReset: true, mustChangePassword: true } });
    return { username: before.username, name: before.name, password };
  });
}
