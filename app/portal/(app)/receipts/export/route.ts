import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { contentDisposition } from "@/lib/files/content-disposition";
import { exportPortalReceipts } from "@/lib/srm/export-portal-receipts";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET: the signed-in supplier's receipts with the list's filters (status, q) as an Excel workbook; the supplier comes from the session. */
export const GET = apiRoute("portal receipt export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportPortalReceipts(await getDb(), await currentActor(), params, { locale, t });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return new Response(stream, {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": contentDisposition(`${t("portalPages.receipts.export.fileName")}-${day}.xlsx`, "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
