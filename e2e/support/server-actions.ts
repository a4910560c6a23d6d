import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

/**
 * Server actions are public POST endpoints once built: anyone holding a
 * session can call one directly, skipping the page and its layout. These
 * helpers find an action's id in the build output and call it the way
 * React's client does, so specs can prove the action itself refuses.
 */

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
type Manifest = { node: Record<string, ManifestEntry> };

export interface ServerActionRef {
  id: string;
  filename: string;
  exportedName: string;
  /** A page whose bundle holds the action, to POST to. */
  pagePath: string;
}

/** The manifest of the build the e2e web server serves (see web-server.mjs), not of the shared .next. */
function manifestPath(): string {
  const note = path.join(process.env.E2E_RUN_DIR ?? "", "app-dir");
  if (!process.env.E2E_RUN_DIR || !fs.existsSync(note)) throw new Error(`e2e: ${note} is missing; e2e/support/web-server.mjs writes it when it starts`);
  return path.join(fs.readFileSync(note, "utf8").trim(), ".next", "server", "server-reference-manifest.json");
}

function readManifest(file: string): Manifest {
  if (!fs.existsSync(file)) throw new Error(`e2e: ${file} is missing; the e2e web server (e2e/support/web-server.mjs) builds it before the tests run`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
}

/** "app/(workbench)/admin/groups/page" -> "/admin/groups"; null for routes and dynamic segments. */
function workerToPath(worker: string): string | null {
  if (!worker.startsWith("app/") || !worker.endsWith("/page")) return null;
  const segments = worker.slice("app/".length, -"/page".length).split("/").filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  if (segments.some((s) => s.startsWith("["))) return null;
  return "/" + segments.join("/");
}

/**
 * The built server action exported as `exportedName` from `filename` (a path
 * relative to the repository, e.g. "app/(workbench)/admin/groups/actions.ts").
 * Fails with the list of what the build does hold when it is not there.
 */
export function findServerAction(filename: string, exportedName: string): ServerActionRef {
  const manifest = manifestPath();
  const entries = Object.entries(readManifest(manifest).node);
  const hit = entries.find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (!hit) {
    const known = entries.map(([, e]) => `  ${e.filename ?? "?"} -> ${e.exportedName ?? "?"}`).sort().join("\n");
    throw new Error(
      `e2e: server action "${exportedName}" from "${filename}" is not in ${manifest}.\n` +
        `Was it renamed or moved, or is the build older than the file? The build holds:\n${known || "  (no server actions)"}`,
    );
  }
  const [id, entry] = hit;
  const pagePath = Object.keys(entry.workers).map(workerToPath).find((p): p is string => p !== null);
  if (!pagePath) throw new Error(`e2e: server action ${filename}#${exportedName} is used by no static page: ${Object.keys(entry.workers).join(", ")}`);
  return { id, filename, exportedName: entry.exportedName!, pagePath };
}

export interface ServerActionCall {
  status: number;
  body: string;
  /** The action's return value, when the response could be decoded. */
  result: unknown;
}

/**
 * Calls an action as the browser would, with the cookies of `request` (use
 * page.request to act as the signed-in user of that page). Plain arguments
 * are encoded the way React's encodeReply does: a JSON array, as text/plain.
 */
export async function callServerAction(request: APIRequestContext, origin: string, action: ServerActionRef, args: unknown[]): Promise<ServerActionCall> {
  const res = await request.post(action.pagePath, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await res.text();
  return { status: res.status(), body, result: decodeActionResult(body) };
}

/**
 * Reads the return value out of a React Flight answer: row 0 names the row
 * with the action result ("a":"$@1"); simple JSON rows are enough for the
 * plain objects our actions return.
 */
export function decodeActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof head?.a === "string" && head.a.startsWith("$@") ? head.a.slice(2) : null;
    return ref ? JSON.parse(rows.get(ref) ?? "null") : head?.a;
  } catch {
    return undefined;
  }
}
