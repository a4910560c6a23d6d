import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { MasterDataQuery, MasterKind } from "./centre.schema";
import { pageWindow } from "../../paging/page-window";

export const MASTER_PAGE_SIZE = 25;

/** One kind of code list (payment terms, taxes, ..., the app's bins), searched by code or name and paged. */
export async function listMasterData(db: Db, who: Actor, q: MasterDataQuery & { tab: MasterKind | "bin" }) {
  requirePermission(who, "integration.view");
  const where: Prisma.MasterDataWhereInput = {
    kind: q.tab,
    ...(q.q ? { OR: [{ code: { contains: q.q, mode: "insensitive" } }, { name: { contains: q.q, mode: "insensitive" } }, { erpId: q.q }] } : {}),
  };
  const total = await db.masterData.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, MASTER_PAGE_SIZE);
  const rows = await db.masterData.findMany({
    where,
    orderBy: [{ active: "desc" }, { code: "asc" }],
    skip,
    take,
    select: { id: true, code: true, name: true, attrs: true, active: true, erpId: true, syncedAt: true },
  });
  return { rows, total, page, pageCount, query: { ...q, page } };
}
