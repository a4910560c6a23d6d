// The production server: Next.js behind node:http, in this process (its pid is the
// server's). It exists for one reason: Next.js does not tell route handlers the socket
// address (it only fills X-Forwarded-For when a client left it out), so the sign-in
// limits could be dodged with a made-up header. Here every request gets the peer
// address in a private header, overwriting anything a client sent under that name;
// lib/http/client-address.ts believes it only when FF_PEER_HEADER names it.
//
//   node scripts/serve.mjs [dir]      serves the build in dir (default: the current folder)
//
// PORT (3000) and HOSTNAME (all interfaces) as for `next start`; SIGTERM/SIGINT stop
// accepting, let running requests finish (10 s at most), close Next.js, and exit.
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withErrorPage } from "./bare-error-page.mjs";

export const PEER_HEADER = "x-ff-peer-address";
const GRACE_MS = 10_000;

/** Starts serving the built app in `dir`; resolves once it listens. */
export async function serve({ dir = process.cwd(), port = Number(process.env.PORT || 3000), hostname = process.env.HOSTNAME || undefined } = {}) {
  // Next.js resolves parts of the build against the working directory.
  process.chdir(dir);
  process.env.NODE_ENV = "production";
  process.env.FF_PEER_HEADER = PEER_HEADER;
  // The app's own Next.js (a copy of the tree has its own node_modules), not this script's.
  const next = createRequire(path.join(path.resolve(dir), "package.json"))("next");
  const wildcard = !hostname || hostname === "0.0.0.0" || hostname === "::";
  const app = next({ dev: false, dir, hostname: wildcard ? "localhost" : hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const errorPage = withErrorPage(dir);

  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    errorPage(req, res);
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, wildcard ? undefined : hostname, resolve);
  });
  console.log(`> ready on http://${wildcard ? "localhost" : hostname}:${port}`);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const exitCode = signal === "SIGINT" ? 130 : 143;
    setTimeout(() => {
      console.error(`requests still running after ${GRACE_MS} ms; exiting`);
      process.exit(exitCode);
    }, GRACE_MS).unref();
    server.close(async () => {
      await app.close().catch((err) => console.error(err));
      process.exit(exitCode);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await serve({ dir: process.argv[2] ? path.resolve(process.argv[2]) : process.cwd() });
}
