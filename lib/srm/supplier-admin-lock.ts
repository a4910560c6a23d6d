import "server-only";
import type { SupplierActor } from "../auth/actor";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

/**
 * Inside a supplier administrator's change: locks the supplier's row, so that changes to
 * its accounts run one after the other (two administrators cannot remove each other at
 * once), then checks that the actor is still an active administrator of that supplier.
 */
export async function lockAsSupplierAdmin(tx: Tx, actor: SupplierActor): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Supplier" WHERE "id" = ${actor.supplierId} FOR UPDATE`;
  const self = await tx.supplierUser.findFirst({ where: { id: actor.id, supplierId: actor.supplierId, active: true, isAdmin: true }, select: { id: true } });
  if (!self) throw new AppError("forbidden");
}
