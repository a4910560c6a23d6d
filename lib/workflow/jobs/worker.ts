import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { logger } from "../../log/logger";
import { now } from "../clock";
import { claimDueJobs } from "./claim-jobs";
import { runJob } from "./run-job";

/** Claims and runs every job due at `at`, batch by batch; returns how many ran. */
export async function runDueJobs(db: Db, opts: { workerId?: string; at?: Date; max?: number } = {}) {
  const workerId = opts.workerId ?? `worker-${process.pid}`;
  let ran = 0;
  for (;;) {
    const jobs = await claimDueJobs(db, workerId, opts.at ?? now());
    if (!jobs.length) return ran;
    for (const job of jobs) await runJob(db, job);
    ran += jobs.length;
    if (opts.max && ran >= opts.max) return ran;
  }
}

const g = globalThis as { __ffWorker?: { stop: () => Promise<void> } };

/** Polls for due jobs in this process (timers, service tasks); safe to run in every instance. */
export function startJobWorker(db: Db, pollMs = Number(process.env.JOB_POLL_MS ?? 1000)) {
  if (g.__ffWorker) return g.__ffWorker;
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = runDueJobs(db, { workerId })
      .catch((err) => logger.error({ err }, "job worker tick failed"))
      .finally(() => (running = null));
  }, pollMs);
  timer.unref();
  g.__ffWorker = {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      g.__ffWorker = undefined;
    },
  };
  return g.__ffWorker;
}
