import "server-only";
import { z } from "zod";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";

export type SupplierUserList = Awaited<ReturnType<typeof listSupplierUsers>>;

/** Portal accounts, optionally of one supplier; a malformed supplier filter means "all". */
export async function listSupplierUsers(db: Db, actor: EmployeeActor, filter: { supplierId?: string | null } = {}) {
  requirePermission(actor, "supplier_account.manage");
  const supplierId = z.string().uuid().safeParse(filter.supplierId).data ?? null;
  const [suppliers, users] = await Promise.all([
    db.supplier.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, status: true, _count: { select: { users: true } } },
    }),
    db.supplierUser.findMany({
      where: supplierId ? { supplierId } : {},
      orderBy: [{ supplier: { code: "asc" } }, { username: "asc" }],
      select: {
        id: true,
        username: true,
        name: true,
        email: true,
        active: true,
        isAdmin: true,
        mustChangePassword: true,
        createdAt: true,
        supplier: { select: { id: true, code: true, name: true, status: true } },
      },
    }),
  ]);
  return {
    supplierId,
    suppliers: suppliers.map(({ _count, ...s }) => ({ ...s, userCount: _count.users })),
    users,
  };
}
