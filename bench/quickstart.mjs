// `npm run bench:quickstart`: from a fresh clone of HEAD, the time of the install
// command (`npm ci`), of the first start until /login answers (build + migrate +
// seed + first page), of a second start (already built: the baseline in the same
// run), and of `npm test` (skip with BENCH_SKIP_TEST=1).
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { machine, waitFor } from "./support.mjs";

const port = Number(process.env.BENCH_PORT ?? 3412);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ff-quickstart-"));
const app = path.join(dir, "app");
const seconds = (ms) => Math.round(ms / 100) / 10;

function timed(cmd, cwd) {
  const t0 = Date.now();
  execSync(cmd, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, PORT: String(port) } });
  return Date.now() - t0;
}

async function startAndFirstPage() {
  const t0 = Date.now();
  const child = spawn("npm", ["start"], { cwd: app, env: { ...process.env, PORT: String(port) }, stdio: "ignore", detached: true });
  try {
    await waitFor(`http://localhost:${port}/login`, 15 * 60_000);
    const r = await fetch(`http://localhost:${port}/login`);
    if (!(await r.text()).includes("员工登录")) throw new Error("first page is not the Chinese sign-in");
    return Date.now() - t0;
  } finally {
    process.kill(-child.pid, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

try {
  execSync(`git clone -q ${process.cwd()} ${app}`);
  const install = timed("npm ci --no-audit --no-fund", app);
  const firstStart = await startAndFirstPage();
  const secondStart = await startAndFirstPage();
  const test = process.env.BENCH_SKIP_TEST === "1" ? null : timed("npm test", app);
  console.log(
    JSON.stringify({
      machine: machine(),
      install_s: seconds(install),
      first_start_to_first_page_s: seconds(firstStart),
      warm_start_to_first_page_s: seconds(secondStart),
      ratio_first_to_warm: Math.round((firstStart / secondStart) * 10) / 10,
      npm_test_s: test === null ? null : seconds(test),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
