import "server-only";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import type { OwnerAccess } from "../files/owner-access-rules";
import { visibleCustomer } from "./customer-scope";

export const CUSTOMER_LOG_FILE_OWNER = "CustomerLog";

async function logOf(actor: Actor, id: string, db: Db | Tx) {
  if (actor.realm !== "employee" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const log = await db.customerLog.findUnique({ where: { id }, select: { customerId: true, byId: true } });
  if (!log) return null;
  return visibleCustomer(db, actor, log.customerId, { id: true }).then(() => log, () => null);
}

/** A visit photo (CRM-10): seen by whoever sees the customer, attached by who logged the visit. */
export const customerLogOwnerAccess: OwnerAccess = {
  canRead: async (actor, id, db) => !!(await logOf(actor, id, db)),
  canWrite: async (actor, id, db) => (await logOf(actor, id, db))?.byId === actor.id,
  supplierIdOf: async () => null,
};
