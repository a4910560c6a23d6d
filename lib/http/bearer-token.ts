import "server-only";
import { timingSafeEqual } from "node:crypto";

/** Whether the request carries `Authorization: Bearer <expected>`; never when no token is configured. */
export function hasBearerToken(req: Request, expected: string | undefined): boolean {
  if (!expected) return false;
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim();
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
