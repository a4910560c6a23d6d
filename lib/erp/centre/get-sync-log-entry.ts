import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";

/** One sync-log entry with its request and response payloads, and the job that made it. */
export async function getSyncLogEntry(db: Db, who: Actor, id: string) {
  requirePermission(who, "integration.view");
  const entry = /^[0-9a-f-]{36}$/i.test(id) ? await db.erpSyncLog.findUnique({ where: { id } }) : null;
  if (!entry) throw new AppError("not_found");
  const job = entry.jobId
    ? await db.job.findUnique({ where: { id: entry.jobId }, select: { id: true, kind: true, status: true, attempts: true, maxAttempts: true, instanceId: true } })
    : null;
  return { ...entry, job };
}
