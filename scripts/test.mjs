// `npm test`: typecheck, lint, dependency rules (.dependency-cruiser.cjs: no import
// cycles, layer rules; knip: nothing unused), Vitest (unit + integration on PGlite and, when it
// answers, PostgreSQL), then Playwright in Debian's Chromium. Stops at the first
// failing stage; prints one closing line "tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", NEXT_TELEMETRY_DISABLED: "1" };
fs.mkdirSync("test-results", { recursive: true });

function stage(name, cmd, args, extraEnv = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n${name} failed after ${s} s`);
    summary();
    process.exit(r.status ?? 1);
  }
  console.log(`${name} ok in ${s} s`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function readCounts() {
  try {
    const v = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8"));
    counts.passed += v.numPassedTests ?? 0;
    counts.failed += v.numFailedTests ?? 0;
    counts.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  } catch {}
  try {
    const p = JSON.parse(fs.readFileSync("test-results/playwright.json", "utf8"));
    counts.passed += p.stats?.expected ?? 0;
    counts.failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
    counts.skipped += p.stats?.skipped ?? 0;
  } catch {}
}
function summary() {
  readCounts();
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
for (const f of ["test-results/vitest.json", "test-results/playwright.json"]) fs.rmSync(f, { force: true });

// Tryton, the real ERP peer of the lib/erp suites: installed, initialised and started
// by scripts/tryton/ensure-tryton.sh (TRYTON_URL given by the caller wins). When it
// cannot run here the reason is printed and those suites skip. Stopped on exit if
// this run started it.
function startTryton() {
  if (process.env.TRYTON_URL) return {};
  console.log("\n=== tryton ===");
  const r = spawnSync("bash", ["scripts/tryton/ensure-tryton.sh"], { stdio: ["ignore", "pipe", "inherit"], env, encoding: "utf8" });
  if (r.status !== 0) {
    console.log("Tryton unavailable: the Tryton suites skip (reason above)");
    return {};
  }
  const vars = Object.fromEntries(r.stdout.split("\n").map((l) => /^(TRYTON_[A-Z_]+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
  if (vars.TRYTON_STARTED === "1") process.on("exit", () => spawnSync("bash", ["scripts/tryton/tryton.sh", "stop"], { stdio: "inherit", env }));
  console.log(`Tryton at ${vars.TRYTON_URL} (database ${vars.TRYTON_DB})`);
  delete vars.TRYTON_STARTED;
  return vars;
}

stage("system packages", "bash", ["scripts/ensure-system-deps.sh"]);
stage("postgresql", "bash", ["scripts/ensure-postgres.sh"]);
stage("typecheck", "npx", ["tsc", "--noEmit"]);
stage("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
stage("dependency rules", "npm", ["run", "--silent", "deps:check"]);
stage("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"], startTryton());
stage("playwright", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json" });
summary();
