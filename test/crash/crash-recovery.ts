// Crash recovery of the durable runtime, against the real production server:
// 50 purchase requisitions are driven half-way through the HTTP API, the server
// is killed with SIGKILL while service jobs are pending or running, restarted,
// everything is finished, and the database must show every step and every
// outbox side effect exactly once.
//
//   npx tsx --conditions=react-server test/crash/crash-recovery.ts [postgresql|pglite]
//
// prints progress and, as its last line, one JSON object (the report).
// crash-recovery.int.test.ts runs the same function under Vitest.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { signInCookie } from "../../bench/support.mjs";
import { openDb, type Db, type OpenDb } from "../../lib/db/client";
import type { DbConfig } from "../../lib/db/config";
import { ensureBuiltApp, freePort, startAppServer, waitHealthy, type AppServer } from "../../scripts/built-app.mjs";

export type CrashKind = "postgresql" | "pglite";

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "Demo@2026";
const BATCH = 10;
const LEASE_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function post(base: string, cookie: string, url: string, body: unknown) {
  const r = await fetch(base + url, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json().catch(() => null)) as Record<string, unknown> | null };
}

type InboxItem = { id: string; businessKey: string | null; elementId: string };

/** The open, unclaimed purchasing reviews of this run, read through the inbox API. */
async function openReviews(base: string, cookie: string, prefix: string): Promise<InboxItem[]> {
  const out: InboxItem[] = [];
  for (let page = 1; page < 20; page++) {
    const r = await fetch(`${base}/api/workflow/tasks?view=group&size=100&sort=createdAt&dir=asc&page=${page}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`GET tasks: ${r.status}`);
    const body = (await r.json()) as { items: InboxItem[]; pages: number };
    out.push(...body.items.filter((t) => t.businessKey?.startsWith(prefix) && t.elementId === "purchasing_review"));
    if (page >= body.pages) break;
  }
  return out;
}

export type JobSnapshot = { pending: number; running: number; done: number; failed: number; openReviews: number; ledgerRows: number; sideEffectsNotYetStepped: number };

/** Service jobs by status; "side effects not yet stepped" are ledger rows written by a job whose step had not committed. */
async function snapshot(db: Db): Promise<JobSnapshot> {
  const groups = await db.job.groupBy({ by: ["status"], where: { kind: "service" }, _count: { _all: true } });
  const by = Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  const running = await db.job.findMany({ where: { kind: "service", status: { in: ["running", "pending"] } }, select: { idempotencyKey: true } });
  return {
    pending: by.pending ?? 0,
    running: by.running ?? 0,
    done: by.done ?? 0,
    failed: by.failed ?? 0,
    openReviews: await db.task.count({ where: { status: "open", elementId: "purchasing_review" } }),
    ledgerRows: await db.integrationLedger.count(),
    sideEffectsNotYetStepped: await db.integrationLedger.count({ where: { idempotencyKey: { in: running.map((j) => j.idempotencyKey!).filter(Boolean) } } }),
  };
}

/** Everything the test asserts, computed from the database after the run. */
async function verify(db: Db, prefix: string) {
  const instances = await db.processInstance.findMany({ where: { businessKey: { startsWith: prefix } }, select: { id: true, status: true, version: true, incident: true } });
  const ids = instances.map((i) => i.id);
  const [events, tasks, ledger, jobs, allLedger] = await Promise.all([
    db.instanceEvent.findMany({ where: { instanceId: { in: ids } }, select: { instanceId: true, type: true, taskId: true } }),
    db.task.findMany({ where: { instanceId: { in: ids } }, select: { id: true, instanceId: true, status: true, elementId: true } }),
    db.integrationLedger.findMany({ where: { instanceId: { in: ids } }, select: { idempotencyKey: true, instanceId: true } }),
    // This run's jobs (its instances' timers and service steps), not the housekeeping jobs that recur for ever (certificate sweep, ERP poll).
    db.job.findMany({ where: { OR: [{ instanceId: { in: ids } }, { kind: "service" }] }, select: { kind: true, status: true, attempts: true, instanceId: true } }),
    db.integrationLedger.count(),
  ]);
  const STEP_EVENTS = new Set(["instance.started", "task.completed", "service.completed", "timer.fired", "message.received"]);
  const problems: string[] = [];
  for (const inst of instances) {
    const ev = events.filter((e) => e.instanceId === inst.id);
    const steps = ev.filter((e) => STEP_EVENTS.has(e.type)).length;
    if (inst.status !== "completed") problems.push(`${inst.id}: status ${inst.status} ${inst.incident ?? ""}`);
    if (inst.version !== steps || inst.version !== 3) problems.push(`${inst.id}: version ${inst.version}, steps ${steps}`);
    const own = tasks.filter((t) => t.instanceId === inst.id);
    if (own.length !== 1 || own[0].status !== "completed" || own[0].elementId !== "purchasing_review") problems.push(`${inst.id}: tasks ${JSON.stringify(own)}`);
    for (const t of own) {
      const n = ev.filter((e) => e.type === "task.completed" && e.taskId === t.id).length;
      if (n !== 1) problems.push(`${inst.id}: task ${t.id} completed ${n} times in history`);
    }
    if (ev.filter((e) => e.type === "task.completed").length !== own.length) problems.push(`${inst.id}: task.completed events without their task`);
    const services = ev.filter((e) => e.type === "service.completed").length;
    if (services !== 1) problems.push(`${inst.id}: service.completed ${services} times`);
    const rows = ledger.filter((l) => l.instanceId === inst.id).length;
    if (rows !== 1) problems.push(`${inst.id}: ${rows} ledger rows`);
  }
  const serviceJobs = jobs.filter((j) => j.kind === "service");
  return {
    instances: instances.length,
    completed: instances.filter((i) => i.status === "completed").length,
    incidents: instances.filter((i) => i.status === "incident").length,
    taskCompletedEvents: events.filter((e) => e.type === "task.completed").length,
    serviceCompletedEvents: events.filter((e) => e.type === "service.completed").length,
    ledgerRows: allLedger,
    ledgerDistinctInstances: new Set(ledger.map((l) => l.instanceId)).size,
    ledgerDistinctKeys: new Set(ledger.map((l) => l.idempotencyKey)).size,
    serviceJobs: serviceJobs.length,
    serviceJobsRerun: serviceJobs.filter((j) => j.attempts > 1).length,
    jobsLeft: jobs.filter((j) => j.status === "pending" || j.status === "running" || j.status === "failed").length,
    problems: problems.slice(0, 20),
    problemCount: problems.length,
  };
}

export type CrashReport = Awaited<ReturnType<typeof verify>> & {
  kind: CrashKind;
  started: number;
  completedBeforeKill: number;
  completionErrorsAtKill: number;
  atKill: JobSnapshot;
  completedAfterRestart: number;
  restarts: number;
  ms: number;
};

export async function runCrashRecovery(kind: CrashKind, opts: { instances?: number; log?: (m: string) => void } = {}): Promise<CrashReport> {
  const n = opts.instances ?? 50;
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const app = await ensureBuiltApp(undefined, log);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ff-crash-"));
  const prefix = `CR-${randomUUID().slice(0, 6)}-`;
  const dbName = kind === "postgresql" ? `ff_crash_${randomUUID().replace(/-/g, "").slice(0, 12)}` : null;
  const servers: AppServer[] = [];
  let watch: OpenDb | null = null;
  try {
    let config: DbConfig;
    const env: Record<string, string> = {
      JOB_LEASE_MS: String(LEASE_MS),
      JOB_POLL_MS: "200",
      NEXTAUTH_SECRET: "crash-test-only-secret-0123456789abcdef",
      FILE_STORAGE_DIR: path.join(tmp, "files"),
      S3_BUCKET: "",
    };
    if (dbName) {
      await admin(`CREATE DATABASE ${dbName} LOCALE 'C.utf8' TEMPLATE template0`);
      config = { mode: "postgresql", url: ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`) };
      env.DATABASE_URL = config.url!;
    } else {
      config = { mode: "pglite", dataDir: path.join(tmp, "pglite") };
      env.DATABASE_URL = "";
      env.PGLITE_DIR = config.dataDir!;
    }
    const port = await freePort();
    const start = async () => {
      const s = startAppServer({ app, port, env });
      servers.push(s);
      await waitHealthy(s);
      return s;
    };

    // Phase 1: start every instance, then complete the reviews in parallel batches
    // and kill the server while the service jobs they create are being worked off.
    const first = await start();
    log(`${kind}: server up on ${port}`);
    const cookie = await signInCookie(first.base, "employee", "lina", PASSWORD);
    let started = 0;
    for (let i = 0; i < n; i += BATCH) {
      const results = await Promise.all(
        Array.from({ length: Math.min(BATCH, n - i) }, (_, k) =>
          post(first.base, cookie, "/api/workflow/processes/purchase_requisition/instances", { businessKey: `${prefix}${i + k}`, data: { title: `Crash test ${i + k}`, amount: 1000 + i + k, reason: "crash test" } }),
        ),
      );
      for (const r of results) if (r.status !== 201) throw new Error(`start: ${r.status} ${JSON.stringify(r.json)}`);
      started += results.length;
    }
    const reviews = await openReviews(first.base, cookie, prefix);
    if (reviews.length !== n) throw new Error(`expected ${n} open reviews, found ${reviews.length}`);

    let killed = false;
    const kill = async () => {
      if (killed) return;
      killed = true;
      await first.kill();
    };
    // On PostgreSQL a watcher kills as soon as some service jobs are done and others still pending or running.
    watch = dbName ? await openDb(config) : null;
    const watcher = (async () => {
      if (!watch) return;
      while (!killed) {
        const s = await snapshot(watch.db);
        if (s.done >= 3 && s.pending + s.running >= 3 && s.done + s.pending + s.running >= n / 2) return kill();
        await sleep(15);
      }
    })();
    let completedBeforeKill = 0;
    let completionErrorsAtKill = 0;
    for (let i = 0; i < reviews.length && !killed; i += BATCH) {
      const batch = reviews.slice(i, i + BATCH);
      const inFlight = Promise.allSettled(batch.map((t) => post(first.base, cookie, `/api/workflow/tasks/${t.id}/complete`, { data: { decision: "approve", comment: "ok" } })));
      // PGlite cannot be watched while the server owns it: kill with the fifth batch in flight,
      // right after the fourth came back (its service jobs have just been queued).
      if (!dbName && i / BATCH === 4) {
        await sleep(20);
        await kill();
      }
      for (const r of await inFlight) {
        if (r.status === "fulfilled" && r.value.status === 200) completedBeforeKill++;
        else if (killed) completionErrorsAtKill++;
        else throw new Error(`complete: ${r.status === "fulfilled" ? `${r.value.status} ${JSON.stringify(r.value.json)}` : String(r.reason)}`);
      }
    }
    if (!killed) await Promise.race([watcher, sleep(3000)]);
    await kill();
    await watcher;

    let atKill: JobSnapshot;
    if (watch) atKill = await snapshot(watch.db);
    else {
      // The dead server's folder is read by this process, then handed back.
      const o = await openDb(config);
      atKill = await snapshot(o.db);
      await o.close();
    }
    log(`${kind}: killed with ${JSON.stringify(atKill)}`);

    // Phase 2: restart on the same database, finish the remaining reviews, let the worker drain.
    let restarts = 1;
    let server = await start();
    const cookie2 = await signInCookie(server.base, "employee", "lina", PASSWORD);
    const remaining = await openReviews(server.base, cookie2, prefix);
    let completedAfterRestart = 0;
    for (let i = 0; i < remaining.length; i += BATCH) {
      const results = await Promise.all(remaining.slice(i, i + BATCH).map((t) => post(server.base, cookie2, `/api/workflow/tasks/${t.id}/complete`, { data: { decision: "approve" } })));
      for (const r of results) if (r.status !== 200) throw new Error(`complete after restart: ${r.status} ${JSON.stringify(r.json)}`);
      completedAfterRestart += results.length;
    }
    const drained = async (db: Db) => {
      const [done, left] = await Promise.all([
        db.processInstance.count({ where: { businessKey: { startsWith: prefix }, status: "completed" } }),
        db.job.count({ where: { status: { in: ["pending", "running"] }, runAt: { lte: new Date(Date.now() + 60_000) } } }),
      ]);
      return done === n && left === 0;
    };
    let result: Awaited<ReturnType<typeof verify>>;
    if (watch) {
      const until = Date.now() + 30_000;
      while (!(await drained(watch.db)) && Date.now() < until) await sleep(100);
      await server.stop();
      result = await verify(watch.db, prefix);
    } else {
      // PGlite: give the worker time (a dead worker's lease is LEASE_MS), stop, look; restart if it was not done yet.
      for (;;) {
        await sleep(LEASE_MS + 2000);
        await server.stop();
        const o = await openDb(config);
        try {
          if ((await drained(o.db)) || restarts >= 4) {
            result = await verify(o.db, prefix);
            break;
          }
        } finally {
          await o.close();
        }
        restarts++;
        server = await start();
      }
    }
    return { kind, started, completedBeforeKill, completionErrorsAtKill, atKill, completedAfterRestart, restarts, ...result, ms: Date.now() - t0 };
  } finally {
    for (const s of servers) await s.kill();
    await watch?.close().catch(() => {});
    if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const kind = (process.argv[2] ?? "postgresql") as CrashKind;
  const report = await runCrashRecovery(kind, { log: (m) => console.error(m) });
  console.log(JSON.stringify(report));
  process.exit(report.problemCount === 0 && report.jobsLeft === 0 ? 0 : 1);
}
