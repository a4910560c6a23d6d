// `npm run bench:workflow`: full-stack task completions per second through
// completeTask (the function the server action and the API route call), on a
// fresh PostgreSQL database and on a fresh PGlite folder, for the flow
// start -> user task -> exclusive gateway -> user task -> end (two completions
// per instance). Baseline, measured in the same run: the raw bpmn-engine
// ceiling for the same flow and the same number of completions (runStep only,
// state serialized to JSON and parsed back around each wait, no database).
//
// The three are measured in interleaved rounds (engine, PostgreSQL, PGlite,
// engine, ...) so that a busy machine slows them alike; the ratio is taken over
// the totals. The last line is one JSON object.
//
// BENCH_INSTANCES (500), BENCH_ROUNDS (5), BENCH_PG_CONCURRENCY (4), BENCH_SKIP_PGLITE=1.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { EmployeeActor } from "../lib/auth/actor";
import { SYSTEM } from "../lib/auth/actor";
import { loadEmployeeActor } from "../lib/auth/load-actor";
import { installDomainModules } from "../lib/server/domain-modules";
import { openDb, type Db, type OpenDb } from "../lib/db/client";
import { seedDemo } from "../lib/demo/seed";
import { completeTask } from "../lib/workflow/complete-task";
import { runStep } from "../lib/workflow/engine-host";
import { loadContext } from "../lib/workflow/engine-context";
import { publishDefinition } from "../lib/workflow/publish-definition";
import { syncShippedForms } from "../lib/workflow/sync-shipped-processes";
import { startInstance } from "../lib/workflow/start-instance";
import { machine, percentile } from "./support.mjs";
import { BENCH_XML } from "./workflow-flow";

installDomainModules();

process.env.LOG_LEVEL ??= "warn";
const N = Number(process.env.BENCH_INSTANCES ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_ROUND = Math.ceil(N / ROUNDS);
const PG_CONCURRENCY = Number(process.env.BENCH_PG_CONCURRENCY ?? 4);
const WARMUP = 20;
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DATA = { decision: "approve", comment: "ok" };
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Completions measured so far for one system: latencies, wall time and this process's CPU time. */
class Tally {
  latencies: number[] = [];
  ms = 0;
  cpuMs = 0;
  errors = 0;
  async measure(fn: () => Promise<{ latencies: number[]; errors: number }>) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const r = await fn();
    this.ms += performance.now() - t0;
    const used = process.cpuUsage(cpu);
    this.cpuMs += (used.user + used.system) / 1000;
    this.latencies.push(...r.latencies);
    this.errors += r.errors;
  }
  get perSecond() {
    return round(this.latencies.length / (this.ms / 1000));
  }
  summary() {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return { completions: sorted.length, seconds: round(this.ms / 1000, 2), per_s: this.perSecond, p50_ms: round(percentile(sorted, 50), 2), p95_ms: round(percentile(sorted, 95), 2), cpu_ms_per_completion: round(this.cpuMs / sorted.length, 2), errors: this.errors };
  }
}

/** Runs fn over items with at most `concurrency` in flight; returns per-call latencies in ms. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t = performance.now();
        try {
          await fn(item);
          latencies.push(performance.now() - t);
        } catch (e) {
          if (++errors < 3) console.error(e);
        }
      }
    }),
  );
  return { latencies, errors };
}

/** One database under test: instances are started untimed, then completeTask is timed. */
async function databaseSystem(opened: OpenDb, concurrency: number) {
  const db: Db = opened.db;
  await seedDemo(db);
  // The approval form is the shipped form-js schema (processes/forms/approval.form), validated from it on every completion.
  await syncShippedForms(db);
  await publishDefinition(db, SYSTEM, BENCH_XML);
  const lina: EmployeeActor = (await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: "lina" } })).id, db))!;
  const tally = new Tally();
  let serial = 0;
  const batch = async (count: number, timed: boolean) => {
    const ids: string[] = [];
    await pool(Array.from({ length: count }, () => serial++), concurrency, async (i) => {
      ids.push((await startInstance(db, lina, { key: "bench_flow", businessKey: `B-${i}`, variables: { amount: i % 2 ? 5000 : 500 } })).id);
    });
    for (let phase = 0; phase < 2; phase++) {
      const tasks = (await db.task.findMany({ where: { instanceId: { in: ids }, status: "open" }, select: { id: true } })).map((t) => t.id);
      const run = () => pool(tasks, concurrency, (id) => completeTask(db, lina, { taskId: id, data: DATA }));
      if (timed) await tally.measure(run);
      else await run();
    }
    const done = await db.processInstance.count({ where: { id: { in: ids }, status: "completed" } });
    if (done !== count) throw new Error(`${done} of ${count} instances completed`);
  };
  await batch(WARMUP, false);
  const def = await db.processDefinition.findFirstOrThrow({ where: { key: "bench_flow" } });
  return { tally, round: (count: number) => batch(count, true), definition: def };
}

/** The raw engine: same flow, same completions; per instance the state as JSON and the waiting execution id, as the database would hold them. */
function engineSystem(definitionId: string, contextJson: unknown) {
  const context = loadContext(definitionId, contextJson);
  const tally = new Tally();
  const batch = async (count: number, timed: boolean) => {
    const stored: string[] = [];
    const waits: string[] = [];
    for (let i = 0; i < count; i++) {
      const o = (await runStep(context, null, { kind: "start" }, { amount: i % 2 ? 5000 : 500, initiator: "bench" }))!;
      stored.push(JSON.stringify(o.state));
      waits.push(o.waits[0].executionId);
    }
    for (let phase = 0; phase < 2; phase++) {
      const run = async () => {
        const latencies: number[] = [];
        for (let i = 0; i < count; i++) {
          const t = performance.now();
          const o = (await runStep(context, JSON.parse(stored[i]), { kind: "signal", executionId: waits[i], output: DATA, variables: DATA }))!;
          stored[i] = JSON.stringify(o.state);
          waits[i] = o.waits[0]?.executionId ?? "";
          latencies.push(performance.now() - t);
        }
        return { latencies, errors: 0 };
      };
      if (timed) await tally.measure(run);
      else await run();
    }
    if (waits.some(Boolean)) throw new Error("engine: not every instance reached its end");
  };
  return { tally, warm: () => batch(WARMUP, false), round: (count: number) => batch(count, true) };
}

async function main() {
  const skipPglite = process.env.BENCH_SKIP_PGLITE === "1";
  const name = `ff_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ff-bench-pglite-"));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} LOCALE 'C.utf8' TEMPLATE template0`);
  const opened: OpenDb[] = [];
  try {
    const pgDb = await openDb({ mode: "postgresql", url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) });
    opened.push(pgDb);
    const pgSys = await databaseSystem(pgDb, PG_CONCURRENCY);
    let liteSys: Awaited<ReturnType<typeof databaseSystem>> | null = null;
    if (!skipPglite) {
      const liteDb = await openDb({ mode: "pglite", dataDir: path.join(dir, "pglite") });
      opened.push(liteDb);
      liteSys = await databaseSystem(liteDb, 1);
    }
    const engine = engineSystem(pgSys.definition.id, pgSys.definition.context);
    await engine.warm();

    for (let r = 0; r < ROUNDS; r++) {
      await engine.round(PER_ROUND);
      await pgSys.round(PER_ROUND);
      if (liteSys) await liteSys.round(PER_ROUND);
      console.error(`round ${r + 1}/${ROUNDS}: engine ${engine.tally.perSecond}/s, postgresql ${pgSys.tally.perSecond}/s${liteSys ? `, pglite ${liteSys.tally.perSecond}/s` : ""}`);
    }

    const e = engine.tally.summary();
    const p = pgSys.tally.summary();
    const l = liteSys?.tally.summary();
    console.error(JSON.stringify({ engine: e, postgresql: p, pglite: l }));
    const out = {
      bench: "workflow",
      date: new Date().toISOString(),
      machine: { ...machine(), loadavg_1m: round(os.loadavg()[0], 2) },
      flow: "start -> user task -> exclusive gateway -> user task -> end",
      instances: PER_ROUND * ROUNDS,
      rounds: ROUNDS,
      completions_per_system: p.completions,
      pg_concurrency: PG_CONCURRENCY,
      pglite_concurrency: 1,
      engine_completions_per_s: e.per_s,
      engine_p50_ms: e.p50_ms,
      engine_p95_ms: e.p95_ms,
      pg_completions_per_s: p.per_s,
      pg_p50_ms: p.p50_ms,
      pg_p95_ms: p.p95_ms,
      pg_node_cpu_ms_per_completion: p.cpu_ms_per_completion,
      engine_cpu_ms_per_completion: e.cpu_ms_per_completion,
      pg_errors: p.errors,
      ...(l ? { pglite_completions_per_s: l.per_s, pglite_p50_ms: l.p50_ms, pglite_p95_ms: l.p95_ms, pglite_errors: l.errors } : {}),
      ratio_pg_to_engine: round(p.per_s / e.per_s, 2),
      ...(l ? { ratio_pglite_to_engine: round(l.per_s / e.per_s, 2) } : {}),
      target_ratio_met: p.per_s / e.per_s >= 0.5,
      target_100_per_s_met: p.per_s >= 100,
    };
    console.log(JSON.stringify(out));
  } finally {
    for (const o of opened) await o.close().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
