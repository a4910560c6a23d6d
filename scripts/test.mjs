// `npm test`: typecheck, lint, Vitest (unit + integration on PGlite and, when it
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

stage("system packages", "bash", ["scripts/ensure-system-deps.sh"]);
stage("postgresql", "bash", ["scripts/ensure-postgres.sh"]);
stage("typecheck", "npx", ["tsc", "--noEmit"]);
stage("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
stage("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
stage("playwright", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json" });
summary();
