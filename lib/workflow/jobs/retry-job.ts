import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { now } from "../clock";

/** An operator retries a failed job: the incident is lifted and the job runs again. */
export async function retryFailedJob(db: Db, who: Actor, jobId: string) {
  const actor = requirePermission(who, "process.operate");
  return db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: jobId } });
    if (!job) throw new AppError("not_found");
    if (job.status !== "failed") throw new AppError("job_not_failed");
    await tx.job.update({ where: { id: jobId }, data: { status: "pending", attempts: 0, runAt: now(), lastError: null } });
    if (job.instanceId) {
      await tx.processInstance.update({ where: { id: job.instanceId }, data: { status: "running", incident: null } });
      await tx.instanceEvent.create({ data: { instanceId: job.instanceId, at: now(), type: "job.retried", actorId: actor.id, data: { jobId } } });
    }
    await writeAudit(tx, actor, { action: "job.retry", entity: "Job", entityId: jobId, before: { status: job.status, lastError: job.lastError }, after: { status: "pending" } });
  });
}
