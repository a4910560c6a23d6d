// `npm start`: builds when needed, then serves on PORT (default 3000) with
// scripts/serve.mjs. The server migrates and seeds its own database at start-up
// (instrumentation.ts), so the embedded PGlite folder is only ever opened by that
// one process.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serve } from "./serve.mjs";

const root = process.cwd();
const dataDir = path.join(root, ".data");
fs.mkdirSync(dataDir, { recursive: true });

// A stable signing secret for sessions, made once per installation.
if (!process.env.NEXTAUTH_SECRET) {
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
const port = process.env.PORT || "3000";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".next", ".data", ".git", "e2e", "test-results", "bench"].includes(entry.name)) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestMtime(root);
if (stale || process.env.FORCE_BUILD === "1") {
  console.log("building the app (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log(`serving on http://localhost:${port} (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite in .data/pglite"})`);
// In this process (scripts/serve.mjs, not `next start`): the pid is the server's, and
// the sign-in limits see the socket address.
await serve({ dir: root, port: Number(port) });
