import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import type { OwnerAccess } from "../files/owner-access-rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function own(actor: Actor, runId: string, db: Db | Tx, status?: string) {
  if (actor.realm !== "employee" || !UUID.test(runId)) return false;
  return (await db.importRun.count({ where: { id: runId, createdById: actor.id, ...(status ? { status } : {}) } })) > 0;
}

/** An import's file: only the employee who imports sees it, and uploads it while the import is a draft. */
export const importRunOwnerAccess: OwnerAccess = {
  canRead: (actor, runId, db) => own(actor, runId, db),
  canWrite: (actor, runId, db) => own(actor, runId, db, "draft"),
  supplierIdOf: async () => null,
  legacyText: true,
};
