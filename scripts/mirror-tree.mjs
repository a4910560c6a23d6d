// Mirrors a source tree into a private copy, file by file, for the test builds
// (scripts/built-app.mjs for the server tests, e2e/support/web-server.mjs for
// Playwright): a copy is rebuilt only when something in it changed.
import fs from "node:fs";
import path from "node:path";

/**
 * Makes dst mirror src and returns how many files were copied or removed.
 * `copy(rel)` says which entries of src belong in the copy; `keep(rel)` which
 * entries of dst are the copy's own (its node_modules, build, data) and stay.
 * Anything else in dst that src does not provide is removed. A file counts as
 * unchanged when its size and modification time (to the millisecond: a Date
 * round-trip rounds finer times) match.
 */
export function mirrorTree(src, dst, { copy, keep }, rel = "") {
  let changed = 0;
  fs.mkdirSync(dst, { recursive: true });
  const relOf = (name) => (rel ? `${rel}/${name}` : name);
  const entries = fs.readdirSync(src, { withFileTypes: true }).filter((e) => copy(relOf(e.name)));
  const wanted = new Set(entries.map((e) => e.name));
  for (const old of fs.readdirSync(dst)) {
    if (keep(relOf(old)) || wanted.has(old)) continue;
    fs.rmSync(path.join(dst, old), { recursive: true, force: true });
    changed++;
  }
  for (const e of entries) {
    const from = path.join(src, e.name);
    const to = path.join(dst, e.name);
    if (e.isDirectory()) {
      changed += mirrorTree(from, to, { copy, keep }, relOf(e.name));
    } else if (e.isFile()) {
      const a = fs.statSync(from);
      const b = fs.statSync(to, { throwIfNoEntry: false });
      if (b?.isFile() && b.size === a.size && Math.abs(b.mtimeMs - a.mtimeMs) < 1) continue;
      if (b && !b.isFile()) fs.rmSync(to, { recursive: true, force: true });
      fs.copyFileSync(from, to);
      fs.utimesSync(to, a.atime, a.mtime);
      changed++;
    }
  }
  return changed;
}

/** Whether a process with this pid is alive (EPERM: alive, but someone else's). */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
