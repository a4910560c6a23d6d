import { getDb } from "@/lib/db/client";
import { handleErpWebhook } from "@/lib/erp/webhook";

export const dynamic = "force-dynamic";

/** ERP events (a purchase order to confirm, or "poll now"); see lib/erp/webhook.ts. */
export async function POST(req: Request) {
  try {
    return await handleErpWebhook(await getDb(), req);
  } catch {
    return Response.json({ error: { code: "unavailable", message: "database not ready" } }, { status: 503 });
  }
}
