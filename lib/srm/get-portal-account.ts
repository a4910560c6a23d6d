import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** The signed-in portal user's own account, as the account page shows it. */
export async function getPortalAccount(db: Db, who: Actor | null) {
  const actor = requireSupplierUser(who);
  const account = await db.supplierUser.findUnique({ where: { id: actor.id }, select: { passwordChangedAt: true, createdAt: true } });
  if (!account) throw new AppError("not_found");
  return account;
}
