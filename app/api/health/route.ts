import { hasPermission } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { databaseHealth } from "@/lib/db/health";
import { hasBearerToken } from "@/lib/http/bearer-token";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

/**
 * `{ status }` for anyone (load balancers, the test harness): 200 when ready, 503 when
 * not. The database mode and migrations only for an administrator's session or
 * `Authorization: Bearer $HEALTH_TOKEN`: they tell an attacker what runs here.
 */
export async function GET(req: Request) {
  let database: Awaited<ReturnType<typeof databaseHealth>> | null = null;
  let status: "ok" | "degraded" | "down";
  try {
    database = await databaseHealth();
    status = database.migrations.pending.length === 0 ? "ok" : "degraded";
  } catch (err) {
    logger.error({ err }, "health check failed");
    status = "down";
  }
  const body = (await maySeeDetails(req)) ? { status, database } : { status };
  return Response.json(body, { status: status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

async function maySeeDetails(req: Request): Promise<boolean> {
  if (hasBearerToken(req, process.env.HEALTH_TOKEN)) return true;
  if (!req.headers.get("cookie")) return false;
  try {
    const actor = await currentActor();
    return hasPermission(actor, "integration.manage") || hasPermission(actor, "org.manage");
  } catch {
    // A database that is down cannot load the actor: no details, the status still answers.
    return false;
  }
}
