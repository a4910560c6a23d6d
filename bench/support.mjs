// Shared helpers of the bench scripts: start the built server, sign in, read RSS.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export function machine() {
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

export function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

export async function waitFor(url, timeoutMs = 120_000) {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return Date.now() - t0;
    } catch {}
    if (Date.now() - t0 > timeoutMs) throw new Error(`no answer from ${url} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts scripts/serve.mjs directly (so the pid is the server's), as `npm start` serves, on a fresh PGlite folder. */
export function startServer({ cwd = process.cwd(), port, env = {} }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ff-bench-"));
  const child = spawn(process.execPath, [path.join(cwd, "scripts", "serve.mjs")], {
    cwd,
    env: { ...process.env, PGLITE_DIR: path.join(dataDir, "pglite"), FILE_STORAGE_DIR: path.join(dataDir, "files"), NEXTAUTH_SECRET: "bench-secret", NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return {
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through next-auth's credentials callback and returns the cookie header. */
export async function signInCookie(base, realm, username, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/${realm}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return cookie();
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Times the cases interleaved (one call of each per round, in turn), so that a busy
 * moment on the machine hits the thing measured and its baseline alike; `warmup`
 * untimed rounds first. p50/p95 in ms (two decimals) per case.
 */
export async function timeInterleaved(cases, calls, warmup = 20) {
  const keys = Object.keys(cases);
  const ms = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < warmup + calls; i++) {
    for (const k of keys) {
      const t = performance.now();
      await cases[k]();
      if (i >= warmup) ms[k].push(performance.now() - t);
    }
  }
  const r2 = (x) => Math.round(x * 100) / 100;
  return Object.fromEntries(
    keys.map((k) => {
      const sorted = ms[k].sort((a, b) => a - b);
      return [k, { p50: r2(percentile(sorted, 50)), p95: r2(percentile(sorted, 95)) }];
    }),
  );
}

/**
 * A fresh PostgreSQL database for a bench (`LOCALE 'C.utf8'`), or the one BENCH_DB names
 * (reused, not loaded again). `close` drops it unless BENCH_KEEP_DB=1 or it was reused.
 */
export async function benchDatabase(prefix) {
  const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name} LOCALE 'C.utf8' TEMPLATE template0`);
  const keep = process.env.BENCH_KEEP_DB === "1" || !!reuse;
  return {
    name,
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    fresh: !reuse,
    keep,
    close: async () => {
      if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    },
  };
}
