import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import type { OwnerAccess } from "./owner-access";

/**
 * Supplier documents (licences, certificates): purchasing-side employees with
 * srm.view, and the supplier's own portal users. The portal user's tenant is the
 * one in the session actor; the ownerId from the request only has to match it.
 */
async function mayAccess(actor: Actor, supplierId: string, db: Db | Tx): Promise<boolean> {
  if (actor.realm === "supplier") return actor.supplierId === supplierId;
  if (actor.realm === "employee" && hasPermission(actor, "srm.view")) {
    return (await db.supplier.count({ where: { id: supplierId } })) === 1;
  }
  return false;
}

export const supplierOwnerAccess: OwnerAccess = {
  canRead: mayAccess,
  canWrite: mayAccess,
  supplierIdOf: async (ownerId) => ownerId,
};
