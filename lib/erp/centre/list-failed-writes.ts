import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { FailedWritesQuery } from "./centre.schema";
import { ERP_JOBS, jobOperation, TROUBLED } from "./erp-jobs";
import { pageWindow } from "../../paging/page-window";

const FAILED_PAGE_SIZE = 20;

type FailedWritesList = Awaited<ReturnType<typeof listFailedWrites>>;
export type FailedWriteRow = FailedWritesList["rows"][number];

/**
 * ERP writes that failed for good (retry by an operator) and those still retrying
 * after a failed attempt, newest first, with the process instance they belong to.
 */
export async function listFailedWrites(db: Db, who: Actor, q: FailedWritesQuery) {
  requirePermission(who, "integration.view");
  const state: Prisma.JobWhereInput =
    q.state === "failed" ? { status: "failed" } : q.state === "retrying" ? { status: { in: ["pending", "running"] }, lastError: { not: null } } : TROUBLED;
  const where: Prisma.JobWhereInput = { AND: [ERP_JOBS, state] };
  const total = await db.job.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, FAILED_PAGE_SIZE);
  const jobs = await db.job.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip,
    take,
    select: { id: true, kind: true, payload: true, status: true, attempts: true, maxAttempts: true, lastError: true, idempotencyKey: true, instanceId: true, runAt: true, createdAt: true },
  });
  const instanceIds = [...new Set(jobs.map((j) => j.instanceId).filter((x): x is string => !!x))];
  const instances = instanceIds.length
    ? await db.processInstance.findMany({ where: { id: { in: instanceIds } }, select: { id: true, businessKey: true, definition: { select: { name: true } } } })
    : [];
  const byId = new Map(instances.map((i) => [i.id, i]));
  return {
    rows: jobs.map(({ payload, instanceId, ...j }) => {
      const inst = instanceId ? byId.get(instanceId) : undefined;
      return {
        ...j,
        operation: jobOperation(j.kind, payload),
        instance: instanceId ? { id: instanceId, businessKey: inst?.businessKey ?? null, process: inst?.definition.name ?? null } : null,
      };
    }),
    total,
    page,
    pageCount,
    query: { ...q, page },
  };
}
