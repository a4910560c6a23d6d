import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits.mjs";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { refusal } from "@/lib/http/refusal";
import { isOwnOrigin } from "@/lib/http/same-origin";
import { checkServerActionBody, isServerActionRequest } from "@/lib/http/server-action-body";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

/**
 * Runs before every page (Next.js 16's proxy, formerly middleware), not before /api:
 * Next.js would buffer every request body for it, uploads included, and the route
 * handlers check their callers' Origin themselves (lib/api/api-route.ts).
 * - refuses page requests that change something (server actions) when sent from
 *   another site (403): a cross-site form would carry the user's cookie;
 * - refuses server-action bodies Next.js would fail on with a 500 (413, 400);
 * - gives every page a nonce Content-Security-Policy.
 * Authorization is not decided here: every page and action checks it itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const locale = request.cookies.get(LOCALE_COOKIE)?.value;

  const changes = request.method !== "GET" && request.method !== "HEAD";
  const origin = request.headers.get("origin");
  if (changes && origin !== null && !isOwnOrigin(origin, { host: request.headers.get("host"), publicUrl: process.env.NEXTAUTH_URL })) {
    return refusal(403, "forbidden", locale);
  }

  if (isServerActionRequest(request, pathname)) {
    const problem = await checkServerActionBody(request, SERVER_ACTION_BODY_LIMIT_BYTES);
    if (problem === "too_large") return refusal(413, "request_too_large", locale);
    if (problem === "undecodable") return refusal(400, "validation", locale);
  }

  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: not the build's static files, not /api. Paths with a dot stay in: a process key may hold one.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico|api/).*)"],
};
