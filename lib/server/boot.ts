import "server-only";
import { ensureLeadSweep } from "../crm/leads/lead-sweep";
import { ensureErpPoller } from "../erp/ensure-poller";
import { ensureColdCustomerSweep } from "../crm/cold-customer-sweep";
import { ensureCertificateSweep } from "../srm/certificates/certificate-sweep";
import { logger } from "../log/logger";
import { startEmailWorker } from "../notify/email-worker";
import { startJobWorker } from "../workflow/jobs/worker";
import { syncShippedProcesses } from "../workflow/sync-shipped-processes";
import { getOpenDb, type Db } from "../db/client";
import { seedDemo } from "../demo/seed";
import { seedShowcase } from "../demo/seed-showcase";
import { installDomainModules } from "./domain-modules";

/**
 * Server start-up: install the domain modules, migrate, publish the shipped processes when new or changed,
 * seed the demo (unless SEED_DEMO=0) and its showcase (unless SEED_SHOWCASE=0 too), and start the job and e-mail workers
 * (unless JOB_WORKER=0; e-mail only when SMTP_HOST is set).
 */
export async function bootServer() {
  const t0 = Date.now();
  installDomainModules();
  const opened = await getOpenDb();
  if (opened.appliedMigrations.length) logger.info({ migrations: opened.appliedMigrations }, "applied migrations");
  await oneInstanceAtATime(opened.db, opened.config.mode, async () => {
    const published = await onceMore(() => syncShippedProcesses(opened.db));
    if (published.length) logger.info({ published }, "published shipped processes");
    if (process.env.SEED_DEMO !== "0") {
      await onceMore(() => seedDemo(opened.db));
      if (process.env.SEED_SHOWCASE !== "0") await onceMore(() => timed("showcase seeded", () => seedShowcase(opened.db)));
    }
    await onceMore(() => ensureErpPoller(opened.db));
    await onceMore(() => ensureCertificateSweep(opened.db));
    await onceMore(() => ensureLeadSweep(opened.db));
    await onceMore(() => ensureColdCustomerSweep(opened.db));
  });
  if (process.env.JOB_WORKER !== "0") {
    startJobWorker(opened.db);
    startEmailWorker(opened.db);
  }
  logger.info({ mode: opened.config.mode, ms: Date.now() - t0 }, "database ready");
}

/**
 * On PostgreSQL several app instances may start together; their start-up steps run one
 * instance after the other, under a transaction-level advisory lock held on one pooled
 * connection while the steps use the others, so the pool needs two connections at least
 * (readDbConfig refuses a smaller DB_POOL_SIZE). PGlite belongs to one process (and has
 * one connection), so there is nothing to queue behind.
 */
async function oneInstanceAtATime(db: Db, mode: string, fn: () => Promise<void>) {
  if (mode !== "postgresql") return fn();
  await db.$transaction(
    async (tx) => {
      // pg_advisory_xact_lock returns void, which the client cannot read: select a constant instead.
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('factory-flow:boot'))) AS l`;
      await fn();
    },
    { maxWait: 600_000, timeout: 600_000 },
  );
}

async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const result = await fn();
  logger.info({ ms: Date.now() - t0 }, what);
  return result;
}

/**
 * Two instances starting together on one PostgreSQL may race on the same rows;
 * both steps are idempotent, so one more pass settles it.
 */
async function onceMore<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    logger.warn({ err }, "start-up step failed once, retrying");
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
    return fn();
  }
}
