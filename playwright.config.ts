import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// A free port unless E2E_PORT says otherwise, so that runs of several people
// in one machine do not meet. Chosen once, in the runner; workers inherit it.
process.env.E2E_PORT ||= spawnSync(process.execPath, ["-e", 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'], { encoding: "utf8" }).stdout.trim();
const PORT = Number(process.env.E2E_PORT);
const BASE_URL = `http://localhost:${PORT}`;

// Every run starts on an empty database (and file store) that the server
// migrates and seeds itself. The config is evaluated again in each worker
// process, which inherits the runner's environment, so only the runner makes
// the folder.
if (!process.env.E2E_RUN_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factory-flow-e2e-run-"));
  for (const sub of ["pglite", "files"]) fs.mkdirSync(path.join(dir, sub));
  process.env.E2E_RUN_DIR = dir;
  // e2e/support/global-teardown.ts removes it after a run; this also covers a
  // run that never got that far (a failed build, an interrupted runner).
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
}
const RUN_DIR = process.env.E2E_RUN_DIR;
// Where e2e/support/web-server.mjs keeps its private builds of this checkout
// (kept between runs for Turbopack's cache).
const checkout = crypto.createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8);
const APP_BASE = process.env.E2E_APP_BASE || path.join(os.tmpdir(), `factory-flow-e2e-app-${checkout}`);

const CHROMIUM = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
  },
};

export default defineConfig({
  testDir: "e2e",
  // A sub-folder, so that the runner's clean-up at start leaves other reports
  // in test-results/ (Vitest's JSON, the screenshots) alone.
  outputDir: "test-results/playwright",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: CHROMIUM, testIgnore: /exclusive\// },
    // Journeys that change what every other one relies on for good (a shipped flow), or
    // need what another one changes for a while (the built-in connector, which the
    // integration centre's settings journey switches), run after every other one.
    { name: "exclusive", use: CHROMIUM, testMatch: /exclusive\/.*\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: {
    // Syncs the working tree into a private copy, builds there when anything
    // changed, then `next start` (see the file for why not the shared .next).
    command: "node e2e/support/web-server.mjs",
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    // A cold `next build` on two busy cores can take a few minutes.
    timeout: 10 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      PGLITE_DIR: path.join(RUN_DIR, "pglite"),
      FILE_STORAGE_DIR: path.join(RUN_DIR, "files"),
      S3_BUCKET: "",
      E2E_APP_BASE: APP_BASE,
      E2E_RUN_DIR: RUN_DIR,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
      NEXTAUTH_URL: BASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      E2E_FAULTS: "1",
      DATABASE_URL: "",
      // The journeys count what the demo seed made: no showcase data beside it.
      SEED_SHOWCASE: "0",
    },
  },
});
