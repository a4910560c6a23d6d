import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { pdfResponse, publicOrigin, renderDeliveryNote } from "@/lib/srm/delivery-note/render-delivery-note";

export const dynamic = "force-dynamic";

/** GET: the delivery note (PDF) of one of the signed-in supplier's delivery plans; another supplier's plan is 404. */
export const GET = apiRoute("portal delivery note failed", async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const [t, locale, { id }] = await Promise.all([getTranslations(), getLocale(), params]);
  return pdfResponse(await renderDeliveryNote(await getDb(), await currentActor(), id, { t, locale, origin: publicOrigin(req) }));
});
