import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import type { OwnerAccess } from "./owner-access-rules";

/**
 * Supplier documents (licences, certificates): employees with srm.view read them,
 * those who maintain suppliers (supplier.manage) add them (they gate the
 * re-review), and the supplier's own portal users do both. The portal user's
 * tenant is the one in the session actor; the ownerId from the request only has
 * to match it.
 */
function mayAccess(permission: "srm.view" | "supplier.manage") {
  return async (actor: Actor, supplierId: string, db: Db | Tx): Promise<boolean> => {
    if (actor.realm === "supplier") return actor.supplierId === supplierId;
    if (actor.realm === "employee" && hasPermission(actor, permission)) {
      return (await db.supplier.count({ where: { id: supplierId } })) === 1;
    }
    return false;
  };
}

export const supplierOwnerAccess: OwnerAccess = {
  canRead: mayAccess("srm.view"),
  canWrite: mayAccess("supplier.manage"),
  supplierIdOf: async (ownerId) => ownerId,
};
