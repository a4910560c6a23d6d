import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { ERP_JOBS, jobOperation, TROUBLED } from "./erp-jobs";
import { MASTER_KINDS, type MasterKind } from "./centre.schema";

/**
 * The integration centre's first page: which connector, its health, what has been
 * synced, where each stream left off, and what is stuck.
 */
export async function getConnectorOverview(db: Db, who: Actor) {
  requirePermission(who, "integration.view");
  const [conn, masterByKind, products, suppliers, customers, cursors, lastOk, pendingWrites, failedWrites, recentFailures, failedJobs] = await Promise.all([
    db.erpConnection.findUnique({
      where: { id: "default" },
      select: { kind: true, url: true, database: true, pollSeconds: true, healthOk: true, healthAt: true, healthMessage: true, updatedAt: true },
    }),
    db.masterData.groupBy({ by: ["kind"], _count: { _all: true } }),
    countWithErp(db.product.count({}), db.product.count({ where: { erpId: { not: null } } })),
    countWithErp(db.supplier.count({}), db.supplier.count({ where: { erpId: { not: null } } })),
    // Customers merged into others are no parties of their own.
    countWithErp(db.customer.count({ where: { mergedIntoId: null } }), db.customer.count({ where: { erpId: { not: null } } })),
    db.erpCursor.findMany({ orderBy: { key: "asc" }, select: { key: true, value: true, updatedAt: true } }),
    // The last good read or event per operation: when each stream was last brought up to date.
    db.erpSyncLog.groupBy({
      by: ["operation"],
      where: { status: "ok", direction: { in: ["read", "event"] }, operation: { not: "read.testConnection" } },
      _max: { at: true },
      orderBy: { operation: "asc" },
    }),
    db.job.count({ where: { AND: [ERP_JOBS, { status: { in: ["pending", "running"] } }] } }),
    db.job.count({ where: { AND: [ERP_JOBS, { status: "failed" }] } }),
    db.erpSyncLog.findMany({
      where: { status: "failed" },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      take: 5,
      select: { id: true, at: true, direction: true, operation: true, error: true },
    }),
    db.job.findMany({
      where: { AND: [ERP_JOBS, TROUBLED] },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 5,
      select: { id: true, kind: true, payload: true, status: true, attempts: true, lastError: true, idempotencyKey: true },
    }),
  ]);
  const counts = Object.fromEntries(MASTER_KINDS.map((k) => [k, 0])) as Record<MasterKind, number>;
  for (const g of masterByKind) if (g.kind !== "bin") counts[g.kind] = g._count._all;
  return {
    connection: conn ?? { kind: "builtin" as const, url: null, database: null, pollSeconds: 60, healthOk: null, healthAt: null, healthMessage: null, updatedAt: null },
    masterData: counts,
    products,
    suppliers,
    customers,
    cursors,
    lastSync: lastOk.map((g) => ({ operation: g.operation, at: g._max.at })),
    writes: { pending: pendingWrites, failed: failedWrites },
    recentFailures,
    failedJobs: failedJobs.map(({ payload, kind, ...j }) => ({ ...j, operation: jobOperation(kind, payload) })),
  };
}

async function countWithErp(total: Promise<number>, linked: Promise<number>) {
  const [t, l] = await Promise.all([total, linked]);
  return { total: t, linked: l };
}
