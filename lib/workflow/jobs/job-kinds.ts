import "server-only";
import type { Db } from "../../db/client";
import type { ClaimedJob } from "./claim-jobs";

/**
 * Job kinds other than the runtime's own (timer, service), defined by their
 * domain modules (e.g. lib/erp's "erp.write" and "erp.poll"; see lib/workflow/registry.ts).
 * A kind's run throws to fail the attempt (retried with backoff, then `failed`);
 * it may return a time to run again, which turns the job into a recurring one.
 */
export type JobKind = {
  kind: string;
  run: (db: Db, job: ClaimedJob) => Promise<{ rescheduleAt?: Date } | void>;
};
