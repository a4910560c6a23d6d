import { apiRoute } from "@/lib/api/api-route";
import { getDb } from "@/lib/db/client";
import { handleErpWebhook, WEBHOOK_ROUTE } from "@/lib/erp/webhook";

export const dynamic = "force-dynamic";

/** ERP events (a purchase order to confirm, or "poll now"); see lib/erp/webhook.ts. Unexpected failures answer 503: the ERP sends again. */
export const POST = apiRoute("ERP webhook failed", async (req: Request) => handleErpWebhook(await getDb(), req), WEBHOOK_ROUTE);
