import "server-only";
import type { Db } from "../../db/client";
import type { ClaimedJob } from "./claim-jobs";

/**
 * Job kinds other than the runtime's own (timer, service), registered in code by
 * their owners (e.g. lib/erp registers "erp.write" and "erp.poll"). A kind's run
 * throws to fail the attempt (retried with backoff, then `failed`); it may return
 * a time to run again, which turns the job into a recurring one.
 */
export type JobKind = {
  kind: string;
  run: (db: Db, job: ClaimedJob) => Promise<{ rescheduleAt?: Date } | void>;
};

const g = globalThis as { __ffJobKinds?: Map<string, JobKind> };
const kinds = (g.__ffJobKinds ??= new Map());

export function registerJobKind(k: JobKind) {
  kinds.set(k.kind, k);
}

export function jobKind(kind: string): JobKind | undefined {
  return kinds.get(kind);
}
