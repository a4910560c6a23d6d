import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierAdmin } from "../auth/permissions";
import type { Db } from "../db/client";

export type ColleagueList = Awaited<ReturnType<typeof listColleagues>>;

/** The portal accounts of the administrator's own supplier (from the session, never from the request). */
export async function listColleagues(db: Db, who: Actor | null) {
  const actor = requireSupplierAdmin(who);
  const users = await db.supplierUser.findMany({
    where: { supplierId: actor.supplierId },
    orderBy: [{ active: "desc" }, { username: "asc" }],
    select: { id: true, username: true, name: true, email: true, active: true, isAdmin: true, mustChangePassword: true, createdAt: true },
  });
  return { selfId: actor.id, users };
}
