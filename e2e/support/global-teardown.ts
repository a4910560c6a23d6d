import fs from "node:fs";

/** Removes the run's database and file folder made by playwright.config.ts. */
export default async function globalTeardown() {
  const dir = process.env.E2E_RUN_DIR;
  if (!dir) return;
  // The web server may still be stopping and flushing; retry a few times.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
}
