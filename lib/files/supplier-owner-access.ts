import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { now } from "../workflow/clock";
import { substituteScope } from "../workflow/substitute-scope";
import { canSee } from "../workflow/task-access";
import type { OwnerAccess } from "./owner-access-rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the employee has an open task of a running process about this
 * supplier (its reviews: recordType "Supplier"): who reviews a supplier reads
 * the documents under review for as long as the review runs, whatever their
 * roles, and so does whoever stands in for them.
 */
async function reviewsIt(actor: Actor, supplierId: string, db: Db | Tx): Promise<boolean> {
  const tasks = await db.task.findMany({
    where: { status: "open", instance: { recordType: "Supplier", recordId: supplierId, status: "running" } },
    select: { assigneeId: true, candidateGroups: true, candidateSupplierId: true },
    take: 50,
  });
  if (tasks.length === 0) return false;
  if (tasks.some((t) => canSee(actor, t))) return true;
  const scope = await substituteScope(db, actor, now());
  return scope.assignees.length > 0 && tasks.some((t) => canSee(actor, t, scope));
}

/**
 * Supplier documents (licences, certificates): employees with srm.view read them,
 * as do the people with an open task of a running review of the supplier; those
 * who maintain suppliers (supplier.manage) add them (they gate the re-review),
 * and the supplier's own portal users do both. The portal user's tenant is the
 * one in the session actor; the ownerId from the request only has to match it.
 */
function mayAccess(permission: "srm.view" | "supplier.manage") {
  return async (actor: Actor, supplierId: string, db: Db | Tx): Promise<boolean> => {
    if (actor.realm === "supplier") return actor.supplierId === supplierId;
    if (actor.realm !== "employee" || !UUID.test(supplierId)) return false;
    if (hasPermission(actor, permission)) return (await db.supplier.count({ where: { id: supplierId } })) === 1;
    return permission === "srm.view" && reviewsIt(actor, supplierId, db);
  };
}

export const supplierOwnerAccess: OwnerAccess = {
  canRead: mayAccess("srm.view"),
  canWrite: mayAccess("supplier.manage"),
  supplierIdOf: async (ownerId) => ownerId,
};
