import type { Instrumentation } from "next";

// Runs once when a server instance starts, before it serves requests: the
// database is migrated (and, for the demo, seeded) inside the process that owns it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/server/boot");
  await bootServer();
}

type OnRequestError = Instrumentation.onRequestError;

// Every server error becomes one log line whose `ref` is Next's digest, the
// reference the error page shows, so the number a user reads out finds the line.
// Headers are left out: they carry the session cookie.
export async function onRequestError(err: unknown, request: Parameters<OnRequestError>[1], context: Parameters<OnRequestError>[2]) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log/logger");
  const ref = typeof err === "object" && err !== null && "digest" in err ? String(err.digest) : undefined;
  logger.error({ ref, path: request.path, method: request.method, routePath: context.routePath, routeType: context.routeType, err }, "request failed");
}
