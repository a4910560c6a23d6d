// A production build of the working tree in a private copy (default
// .data/test-app/, TEST_APP_DIR), for tests that start real servers (crash
// recovery, several app instances); tests, benches, e2e and docs are left out.
// Same reasoning as e2e/support/web-server.mjs: a build in the shared .next/ is
// replaced whenever someone else runs `next build`, and the copy is rebuilt
// only when a file changed. A lock folder makes concurrent test files wait for
// one build instead of racing.
//
//   node scripts/built-app.mjs        builds (if needed) and prints the folder
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alive, mirrorTree } from "./mirror-tree.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

// next-env.d.ts is written by each `next build`: the copy's own, or every run would see a change and rebuild.
const SKIP = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report", "bench/out", "next-env.d.ts"]);
const skipped = (rel) => SKIP.has(rel) || rel.endsWith("/node_modules") || rel.endsWith(".tsbuildinfo");
// Not part of the app: left out of the copy (and removed from it), so that
// editing tests, benches or docs does not cost a rebuild.
const NOT_APP = new Set(["e2e", "test", "bench", "docs", "playwright.config.ts", "vitest.config.ts"]);
const notApp = (rel) => NOT_APP.has(rel) || /\.test\.tsx?$/.test(rel) || /\.md$/i.test(rel);

/** A lock folder holding the owner's pid; a lock whose owner died is taken over. */
async function withLock(lockDir, fn) {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(path.join(lockDir, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
      const age = Date.now() - fs.statSync(lockDir).mtimeMs;
      if ((pid && !alive(pid)) || (!pid && age > 10_000)) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** The environment of a child server or build: production, without the test runner's variables or the demo showcase (tests count the demo seed's data). */
export function serverEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("VITEST") || k === "NODE_ENV" || k === "TEST") delete env[k];
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", SEED_SHOWCASE: "0", ...extra };
}

/** Syncs the working tree into the copy and builds there when anything changed. Returns the copy's folder. */
export async function ensureBuiltApp(dir = process.env.TEST_APP_DIR || path.join(root, ".data", "test-app"), log = (m) => console.log(m)) {
  const app = path.resolve(dir);
  if (app === root) throw new Error("TEST_APP_DIR must not be the repository itself");
  fs.mkdirSync(path.dirname(app), { recursive: true });
  return withLock(`${app}.lock`, async () => {
    // The copy keeps its own node_modules link, build and data; tests, benches and docs are left out (and removed).
    const changed = mirrorTree(root, app, { copy: (rel) => !skipped(rel) && !notApp(rel), keep: skipped });
    const modules = path.join(app, "node_modules");
    if (!fs.existsSync(modules)) fs.symlinkSync(path.join(root, "node_modules"), modules, "dir");
    // Written only after a build succeeded: a failed or interrupted build is redone.
    const stamp = path.join(app, ".next", "test-build-ok");
    if (changed > 0 || !fs.existsSync(stamp) || process.env.FORCE_BUILD === "1") {
      log(`test-app: ${changed} file(s) changed in ${path.relative(root, app)}; building (next build)…`);
      fs.rmSync(stamp, { force: true });
      const t0 = Date.now();
      const buildData = fs.mkdtempSync(path.join(os.tmpdir(), "ff-test-build-"));
      const r = await new Promise((resolve) => {
        const child = spawn(process.execPath, [nextBin, "build"], {
          cwd: app,
          stdio: ["ignore", "pipe", "pipe"],
          env: serverEnv({ PGLITE_DIR: path.join(buildData, "pglite"), DATABASE_URL: "", JOB_WORKER: "0", SEED_DEMO: "0" }),
        });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("exit", (code) => resolve({ code, out }));
      });
      fs.rmSync(buildData, { recursive: true, force: true });
      if (r.code !== 0) throw new Error(`next build failed in ${app}:\n${r.out.slice(-4000)}`);
      fs.writeFileSync(stamp, new Date().toISOString());
      log(`test-app: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    return app;
  });
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Servers still alive when this process exits (a failed or timed-out test) die with it.
const live = new Set();
process.on("exit", () => {
  for (const c of live) c.kill("SIGKILL");
});

/**
 * Serves the built copy with its scripts/serve.mjs, as `npm start` does (the pid is
 * the server's own, so a SIGKILL really kills the server). Output is kept for error messages.
 */
export function startAppServer({ app, port, env = {} }) {
  const child = spawn(process.execPath, [path.join(app, "scripts", "serve.mjs")], {
    cwd: app,
    env: serverEnv({ NEXTAUTH_URL: `http://localhost:${port}`, LOG_LEVEL: "warn", ...env, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let output = "";
  const keep = (d) => {
    output = (output + d).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    port,
    base: `http://localhost:${port}`,
    output: () => output,
    exited,
    /** SIGKILL: no shutdown hooks, no flushing, leases stay behind. */
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return exited;
    },
    stop: async (timeoutMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
  };
}

/** Waits until GET /api/health answers 200 (migrated, published, seeded, worker started). */
export async function waitHealthy(server, timeoutMs = 90_000) {
  const t0 = Date.now();
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`server exited before it was ready:\n${server.output()}`);
    try {
      const r = await fetch(`${server.base}/api/health`);
      if (r.status === 200) return Date.now() - t0;
    } catch {}
    if (Date.now() - t0 > timeoutMs) throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await ensureBuiltApp());
}
