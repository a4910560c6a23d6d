// The e2e web server: a production build of the working tree, served from a
// private copy. A build in the shared .next/ would be replaced under the
// running tests whenever someone else runs `next build` or `npm start` in the
// same checkout (the pages then load scripts that no longer exist), and ours
// would break their server in turn.
//
// The copies live outside the repository so that Turbopack takes each as its
// own root: node_modules is hard-linked (a symlink out of the root is
// refused), the sources are synced file by file, and a copy is rebuilt only
// when something changed, so Turbopack's cache keeps repeated runs quick. A
// run holds its copy for as long as it serves from it; runs at the same time
// take the next free copy (E2E_APP_BASE-0, -1, ...). The chosen folder is
// written to E2E_RUN_DIR/app-dir for the tests (server-actions.ts). The copy is
// served by its own scripts/serve.mjs, as `npm start` serves the checkout.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { alive, mirrorTree } from "../../scripts/mirror-tree.mjs";

const root = process.cwd();
for (const name of ["E2E_APP_BASE", "E2E_RUN_DIR", "PORT"]) {
  if (!process.env[name]) throw new Error(`${name} is not set (playwright.config.ts sets it)`);
}
const port = process.env.PORT;

/** The first copy no live run holds; the lock file names the holder. */
function claimCopy() {
  for (let n = 0; n < 20; n++) {
    const dir = path.resolve(`${process.env.E2E_APP_BASE}-${n}`);
    const lock = `${dir}.lock`;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    } catch {
      const holder = Number(fs.readFileSync(lock, "utf8"));
      if (holder && alive(holder)) continue;
      fs.writeFileSync(lock, String(process.pid)); // left by a run that was killed
    }
    // A run killed outright leaves its lock; the next run sees the holder is gone.
    process.on("exit", () => {
      if (fs.existsSync(lock) && fs.readFileSync(lock, "utf8") === String(process.pid)) fs.rmSync(lock);
    });
    return dir;
  }
  throw new Error(`e2e: all copies ${process.env.E2E_APP_BASE}-* are in use`);
}

const app = claimCopy();
fs.writeFileSync(path.join(process.env.E2E_RUN_DIR, "app-dir"), app);
// Next from the copy itself: the one from the checkout would load a second React.
const nextBin = path.join(app, "node_modules", "next", "dist", "bin", "next");

// The copy's own: its node_modules (hard links), build, data and marker.
// next-env.d.ts is written by each `next build`; removing it would make every run rebuild.
const KEEP = new Set(["node_modules", ".next", ".data", ".e2e-node-modules", "next-env.d.ts"]);
// Not part of the app: editing the tests must not cost a rebuild.
const SKIP = new Set([...KEEP, ".git", "e2e", "playwright.config.ts", "test-results", "playwright-report", "bench/out"]);
const skipped = (rel) => SKIP.has(rel) || rel.endsWith("/node_modules") || rel.endsWith(".tsbuildinfo");

/** Hard links of node_modules (copies across file systems), renewed after an npm install. */
function linkModules() {
  const src = path.join(root, "node_modules");
  const dst = path.join(app, "node_modules");
  const lock = fs.statSync(path.join(src, ".package-lock.json"), { throwIfNoEntry: false });
  const signature = `${lock?.mtimeMs}:${lock?.size}`;
  const marker = path.join(app, ".e2e-node-modules");
  const current = fs.existsSync(dst) && !fs.lstatSync(dst).isSymbolicLink() && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === signature;
  if (current) return 0;
  fs.rmSync(dst, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  if (spawnSync("cp", ["-al", src, dst], { stdio: "inherit" }).status !== 0) {
    fs.rmSync(dst, { recursive: true, force: true });
    fs.cpSync(src, dst, { recursive: true, verbatimSymlinks: true });
  }
  fs.writeFileSync(marker, signature);
  return 1;
}

if (app === root || app.startsWith(root + path.sep)) throw new Error("E2E_APP_BASE must be outside the repository (Turbopack would take the repository as its root)");
const t0 = Date.now();
let changed = mirrorTree(root, app, { copy: (rel) => !skipped(rel), keep: (rel) => KEEP.has(rel) });
changed += linkModules();

// Written only after a build succeeded: a failed or interrupted build is redone.
const stamp = path.join(app, ".next", "e2e-build-ok");
if (changed > 0 || !fs.existsSync(stamp) || process.env.FORCE_BUILD === "1") {
  console.log(`e2e: ${changed} change(s) in ${app}; building (next build)…`);
  fs.rmSync(stamp, { force: true });
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: app, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stamp, new Date().toISOString());
}
console.log(`e2e: build ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; serving on port ${port}`);

// The copy's own scripts/serve.mjs, which loads the copy's own Next.js (as `npm start` serves).
const child = spawn(process.execPath, [path.join(app, "scripts", "serve.mjs")], { cwd: app, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
