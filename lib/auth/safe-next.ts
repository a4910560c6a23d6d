/**
 * Where a sign-in may send the user afterwards (`?next=` of /login and
 * /portal/login). Decided by parsing, never by prefix: browsers read "/\x",
 * "/\tx" and "//x" as another host, so only what parses to a path of this very
 * origin is kept. A portal sign-in stays under /portal, a workbench one never
 * goes there. Anything else sends the user to the realm's home.
 *
 * Pure, no server-only: the sign-in page decides, the form checks again.
 */
const BASE = "http://next.invalid";
// Backslashes and C0/DEL control characters (the URL parser drops tabs and newlines).
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

export type SignInRealm = "employee" | "supplier";

function realmHome(realm: SignInRealm): string {
  return realm === "employee" ? "/" : "/portal";
}

function inPortal(pathname: string): boolean {
  return pathname === "/portal" || pathname.startsWith("/portal/");
}

export function safeNext(realm: SignInRealm, next: unknown): string {
  const home = realmHome(realm);
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || UNSAFE.test(next)) return home;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return home;
  }
  if (url.origin !== BASE) return home;
  // A second decoding anywhere downstream must not turn it into another host either.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return home;
  }
  if (decoded.startsWith("//") || UNSAFE.test(decoded)) return home;
  if ((realm === "supplier") !== inPortal(url.pathname)) return home;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE.test(path) ? path : home;
}
