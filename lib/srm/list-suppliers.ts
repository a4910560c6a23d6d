import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { pageWindow } from "../paging/page-window";
import { SRM_PAGE_SIZE } from "./list-purchasing";
import type { SrmListQuery } from "./srm-lists.schema";
import { supplierListWhere } from "./supplier-list-where";

/**
 * The supplier archive's list: code, name, status, contact, how much is going on with
 * each, and its custom values; filtered as its Excel export is (supplierListWhere).
 */
export async function listSuppliers(db: Db, who: Actor, q: SrmListQuery) {
  requirePermission(who, "srm.view");
  const where = await supplierListWhere(db, q);
  const total = await db.supplier.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, SRM_PAGE_SIZE);
  const rows = await db.supplier.findMany({
    where,
    orderBy: [{ code: "asc" }, { id: "asc" }],
    skip,
    take,
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      contactName: true,
      contactPhone: true,
      erpId: true,
      custom: true,
      blockedAt: true,
      blockedReason: true,
      _count: { select: { purchaseOrders: { where: { status: "open" } }, deliveryPlans: { where: { status: { in: ["planned", "shipped"] } } }, users: { where: { active: true } } } },
    },
  });
  return {
    rows: rows.map(({ _count, ...s }) => ({ ...s, openOrders: _count.purchaseOrders, openDeliveries: _count.deliveryPlans, portalUsers: _count.users })),
    total,
    page,
    pageCount,
  };
}
