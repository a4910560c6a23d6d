import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { now } from "../clock";

export type RetryJobOptions = {
  /**
   * process.operate retries any failed job; integration.manage (the integration
   * centre's failed writes) only the jobs that talk to the ERP.
   */
  permission?: "process.operate" | "integration.manage";
};

/**
 * An ERP job: an outbox write (kind "erp.*") or a BPMN service task calling one of
 * lib/erp's handlers ("erp.*"), the same jobs the failed-writes page lists.
 */
function isErpJob(job: { kind: string; payload: unknown }) {
  if (job.kind.startsWith("erp.")) return true;
  const handler = (job.payload as { handler?: unknown } | null)?.handler;
  return job.kind === "service" && typeof handler === "string" && handler.startsWith("erp.");
}

/** An operator retries a failed job: the incident is lifted and the job runs again. */
export async function retryFailedJob(db: Db, who: Actor, jobId: string, opts: RetryJobOptions = {}) {
  const permission = opts.permission ?? "process.operate";
  const actor = requirePermission(who, permission);
  return db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: jobId } });
    if (!job) throw new AppError("not_found");
    if (permission === "integration.manage" && !isErpJob(job)) throw new AppError("forbidden");
    if (job.status !== "failed") throw new AppError("job_not_failed");
    await tx.job.update({ where: { id: jobId }, data: { status: "pending", attempts: 0, runAt: now(), lastError: null } });
    if (job.instanceId) {
      await tx.processInstance.update({ where: { id: job.instanceId }, data: { status: "running", incident: null, incidentCode: null } });
      await tx.instanceEvent.create({ data: { instanceId: job.instanceId, at: now(), type: "job.retried", actorId: actor.id, data: { jobId } } });
    }
    await writeAudit(tx, actor, { action: "job.retry", entity: "Job", entityId: jobId, before: { status: job.status, lastError: job.lastError }, after: { status: "pending" } });
  });
}
