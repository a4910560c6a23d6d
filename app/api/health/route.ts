import { databaseHealth } from "@/lib/db/health";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await databaseHealth();
    const ok = db.migrations.pending.length === 0;
    return Response.json({ status: ok ? "ok" : "degraded", database: db }, { status: ok ? 200 : 503 });
  } catch (err) {
    logger.error({ err }, "health check failed");
    return Response.json({ status: "down", database: null }, { status: 503 });
  }
}
