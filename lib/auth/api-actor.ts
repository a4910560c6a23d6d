import "server-only";
import { timingSafeEqual } from "node:crypto";
import { SYSTEM, type Actor } from "./actor";
import { currentActor } from "./session";

/**
 * The caller of an API route: a signed-in user (session cookie), or another
 * system presenting WORKFLOW_API_TOKEN as a bearer token (acts as the system).
 */
export async function apiActor(req: Request): Promise<Actor | null> {
  const token = process.env.WORKFLOW_API_TOKEN;
  const header = req.headers.get("authorization") ?? "";
  if (token && header.startsWith("Bearer ")) {
    const given = Buffer.from(header.slice(7));
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want) ? SYSTEM : null;
  }
  return currentActor();
}
