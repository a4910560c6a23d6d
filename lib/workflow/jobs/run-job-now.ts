import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { ClaimedJob } from "./claim-jobs";
import { now } from "../clock";
import { runJob } from "./run-job";

/**
 * Claims one pending job by its key and runs it now, in this request, instead of
 * waiting for the worker's next tick. The claim is the same atomic status change
 * the worker makes, so the job still runs once; if the worker got it first, nothing happens.
 */
export async function runJobNow(db: Db, idempotencyKey: string, leaseMs = Number(process.env.JOB_LEASE_MS ?? 30_000)) {
  const workerId = `now-${process.pid}-${randomUUID().slice(0, 8)}`;
  const until = new Date(now().getTime() + leaseMs);
  const [job] = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'running', "lockedBy" = ${workerId}, "lockedUntil" = ${until}, attempts = attempts + 1
    WHERE "idempotencyKey" = ${idempotencyKey} AND status = 'pending'
    RETURNING id, kind, payload, "instanceId", attempts, "maxAttempts", "idempotencyKey", "lockedBy"`;
  if (job) await runJob(db, job);
  return !!job;
}
