import "server-only";
import type { Actor } from "../auth/actor";
import { initialPassword } from "../auth/initial-password";
import { hashPassword } from "../auth/password";
import { requireSupplierAdmin } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { colleagueInput } from "./colleague.schema";
import { lockAsSupplierAdmin } from "./supplier-admin-lock";

/**
 * A supplier administrator opens a portal account for a colleague of the same supplier.
 * The initial password is generated, returned once and stored only as a hash; its holder
 * must replace it at first sign-in.
 */
export async function addColleague(db: Db, who: Actor | null, raw: unknown): Promise<{ id: string; username: string; name: string; password: string }> {
  const actor = requireSupplierAdmin(who);
  const input = parseInput(colleagueInput, raw);
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  try {
    const u = await db.$transaction(async (tx) => {
      await lockAsSupplierAdmin(tx, actor);
      const u = await tx.supplierUser.create({ data: { ...input, supplierId: actor.supplierId, passwordHash, mustChangePassword: true } });
      await writeAudit(tx, actor, { action: "supplier_user.create", entity: "SupplierUser", entityId: u.id, after: { id: u.id, ...input, supplierId: actor.supplierId, mustChangePassword: true } });
      return u;
    });
    return { id: u.id, username: u.username, name: u.name, password };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("validation", { fieldErrors: { username: "validation.taken" } });
    throw e;
  }
}
