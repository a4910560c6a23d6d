import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";

/**
 * Suppliers on file whose name contains what is being typed, or whose code is
 * it: the registration screen shows them as possible duplicates while typing.
 */
export async function findSimilarSuppliers(db: Db, who: Actor, name: string) {
  requirePermission(who, "srm.view");
  const q = name.trim().slice(0, 200);
  if (q.length < 2) return [];
  return db.supplier.findMany({
    where: { OR: [{ name: { contains: q, mode: "insensitive" } }, { code: { equals: q, mode: "insensitive" } }] },
    orderBy: [{ code: "asc" }],
    take: 5,
    select: { id: true, code: true, name: true, status: true },
  });
}
