import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { MasterDataQuery } from "./centre.schema";
import { MASTER_PAGE_SIZE } from "./list-master-data";
import { pageWindow } from "../../paging/page-window";

/** Products read from the ERP (or kept in the app), searched by code or name and paged. */
export async function listProducts(db: Db, who: Actor, q: MasterDataQuery) {
  requirePermission(who, "integration.view");
  const where: Prisma.ProductWhereInput = q.q
    ? { OR: [{ code: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }, { erpId: q.q }] }
    : {};
  const total = await db.product.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, MASTER_PAGE_SIZE);
  const rows = await db.product.findMany({
    where,
    orderBy: [{ code: "asc" }],
    skip,
    take,
    select: { id: true, code: true, name: true, unitCode: true, params: true, active: true, erpId: true, erpWriteAt: true, syncedAt: true },
  });
  return { rows, total, page, pageCount, query: { ...q, page } };
}
