import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { xlsxResponse } from "@/lib/files/xlsx-export";
import { exportPortalReceipts } from "@/lib/srm/export-portal-receipts";

export const dynamic = "force-dynamic";

/** GET: the signed-in supplier's receipts with the list's filters (status, q) as an Excel workbook; the supplier comes from the session. */
export const GET = apiRoute("portal receipt export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportPortalReceipts(await getDb(), await currentActor(), params, { locale, t });
  return xlsxResponse(stream, t("portalPages.receipts.export.fileName"));
});
