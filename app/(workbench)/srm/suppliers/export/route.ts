import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { contentDisposition } from "@/lib/files/content-disposition";
import { exportSuppliers } from "@/lib/srm/export-suppliers";
import { parseSrmListQuery } from "@/lib/srm/srm-lists.schema";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET: the supplier list with the filters of its address (status, q, cf_<key>) as an Excel workbook, streamed. */
export const GET = apiRoute("supplier export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = parseSrmListQuery({ ...params, tab: "suppliers" });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportSuppliers(await getDb(), await currentActor(), q, { locale, t });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return new Response(stream, {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": contentDisposition(`${t("customFields.export.fileName")}-${day}.xlsx`, "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
