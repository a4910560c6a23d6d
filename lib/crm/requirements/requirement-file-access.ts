import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import type { OwnerAccess } from "../../files/owner-access-rules";
import { UUID, visibleRequirementsWhere } from "./requirement-scope";

export const REQUIREMENT_FILE_OWNER = "ProductRequirement";

async function requirementOf(actor: Actor, id: string, db: Db | Tx) {
  if (actor.realm !== "employee" || !UUID.test(id)) return null;
  const where = await visibleRequirementsWhere(db, actor).catch(() => null);
  return where ? db.productRequirement.findFirst({ where: { AND: [{ id }, where] }, select: { id: true } }) : null;
}

/** A requirement's drawings (CRM-7): seen and attached by whoever sees the requirement's customer. */
export const requirementOwnerAccess: OwnerAccess = {
  canRead: async (actor, id, db) => !!(await requirementOf(actor, id, db)),
  canWrite: async (actor, id, db) => !!(await requirementOf(actor, id, db)),
  supplierIdOf: async () => null,
};
