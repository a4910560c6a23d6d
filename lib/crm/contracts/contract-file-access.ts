import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import type { OwnerAccess } from "../../files/owner-access-rules";
import { assertMayEditContract, visibleContract } from "./contract-scope";

export const CONTRACT_FILE_OWNER = "SalesContract";

const contractOf = (actor: Actor, id: string, db: Db | Tx) =>
  actor.realm === "employee" ? visibleContract(db, actor, id, { customer: { select: { ownerId: true, teamId: true } } }).catch(() => null) : Promise.resolve(null);

/** The signed scan of a contract: read by whoever sees the contract, attached by whoever may change it. */
export const contractOwnerAccess: OwnerAccess = {
  canRead: async (actor, id, db) => !!(await contractOf(actor, id, db)),
  canWrite: async (actor, id, db) => {
    const c = await contractOf(actor, id, db);
    return !!c && actor.realm === "employee" && (await assertMayEditContract(db, actor, c).then(() => true, () => false));
  },
  supplierIdOf: async () => null,
};
