import "server-only";
import { AppError } from "../errors/app-error";
import { isOwnOrigin } from "../http/same-origin";
import { errorResponse } from "./error-response";

type RouteOptions = {
  /** Status for unexpected failures (default 500); the ERP webhook answers 503 so that the ERP sends again. */
  unexpectedStatus?: number;
  /** Machine callers with a bearer token and no browser (the ERP webhook): no Origin check. */
  foreignOrigin?: "allowed";
};

/**
 * Whether a request that changes something comes from another site: a browser sends
 * Origin with every such request, and a cross-site form or fetch would carry the user's
 * cookie. Callers without an Origin (other systems, curl) are not browsers.
 */
function crossSite(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const origin = req.headers.get("origin");
  return origin !== null && !isOwnOrigin(origin, { host: req.headers.get("host"), publicUrl: process.env.NEXTAUTH_URL });
}

/**
 * A route handler with the one error mapping and the one cross-site check: a request
 * from another site is refused (403) before the handler runs; whatever the handler
 * throws is answered by errorResponse (AppErrors with their status and translated
 * message, anything else logged and answered generically).
 */
export function apiRoute<C>(what: string, handler: (req: Request, ctx: C) => Promise<Response>, opts: RouteOptions = {}) {
  return async (req: Request, ctx?: C): Promise<Response> => {
    try {
      if (opts.foreignOrigin !== "allowed" && crossSite(req)) throw new AppError("forbidden");
      return await handler(req, ctx as C);
    } catch (e) {
      return errorResponse(e, what, opts);
    }
  };
}
