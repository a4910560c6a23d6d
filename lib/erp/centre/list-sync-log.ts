import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { dayStart, type SyncLogQuery } from "./centre.schema";
import { pageWindow } from "../../paging/page-window";

const LOG_PAGE_SIZE = 25;

type SyncLogList = Awaited<ReturnType<typeof listSyncLog>>;
export type SyncLogRow = SyncLogList["rows"][number];

/** One page of the sync log, newest first; payloads stay out of the list (see getSyncLogEntry). */
export async function listSyncLog(db: Db, who: Actor, q: SyncLogQuery) {
  requirePermission(who, "integration.view");
  const at: Prisma.DateTimeFilter = {};
  if (q.from) at.gte = dayStart(q.from);
  if (q.to) at.lt = new Date(dayStart(q.to).getTime() + 864e5);
  const where: Prisma.ErpSyncLogWhereInput = {
    ...(q.direction !== "all" ? { direction: q.direction } : {}),
    ...(q.status !== "all" ? { status: q.status } : {}),
    ...(q.operation ? { operation: q.operation } : {}),
    ...(q.from || q.to ? { at } : {}),
  };
  const total = await db.erpSyncLog.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, LOG_PAGE_SIZE);
  const [rows, operations] = await Promise.all([
    db.erpSyncLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip,
      take,
      select: { id: true, at: true, connector: true, direction: true, operation: true, status: true, durationMs: true, rows: true, error: true, jobId: true, idempotencyKey: true },
    }),
    db.erpSyncLog.findMany({ distinct: ["operation"], select: { operation: true }, orderBy: { operation: "asc" } }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, error: r.error && r.error.length > 300 ? `${r.error.slice(0, 300)}…` : r.error })),
    total,
    page,
    pageCount,
    operations: operations.map((o) => o.operation),
    query: { ...q, page },
  };
}
