import "server-only";
import { hasBearerToken } from "../http/bearer-token";
import { SYSTEM, type Actor } from "./actor";
import { currentActor } from "./session";

/**
 * The caller of an API route: another system presenting WORKFLOW_API_TOKEN as a
 * bearer token (acts as the system), else the signed-in user of the session cookie.
 * A bearer token that is not the one configured is nobody, never the session's user.
 */
export async function apiActor(req: Request): Promise<Actor | null> {
  if (/^Bearer\s/i.test(req.headers.get("authorization") ?? "")) return hasBearerToken(req, process.env.WORKFLOW_API_TOKEN) ? SYSTEM : null;
  return currentActor();
}
