import "server-only";
import type { Db } from "../../db/client";

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  instanceId: string | null;
  attempts: number;
  maxAttempts: number;
  idempotencyKey: string | null;
  lockedBy: string;
};

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED: with several app instances on one
 * PostgreSQL, each job goes to exactly one of them. A job whose worker died is
 * claimed again once its lease has run out.
 */
export async function claimDueJobs(db: Db, workerId: string, at: Date, limit = 10, leaseMs = Number(process.env.JOB_LEASE_MS ?? 30_000)): Promise<ClaimedJob[]> {
  const until = new Date(at.getTime() + leaseMs);
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'running', "lockedBy" = ${workerId}, "lockedUntil" = ${until}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE (status = 'pending' AND "runAt" <= ${at}) OR (status = 'running' AND "lockedUntil" < ${at})
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, "instanceId", attempts, "maxAttempts", "idempotencyKey", "lockedBy"`;
}
