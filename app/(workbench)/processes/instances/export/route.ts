import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { xlsxResponse } from "@/lib/files/xlsx-export";
import { exportInstances } from "@/lib/process-admin/export-instances";

export const dynamic = "force-dynamic";

/** GET: the process instances with the filters of the list's address (key, bk, status, starter, from, to) as an Excel workbook. */
export const GET = apiRoute("instance export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportInstances(await getDb(), await currentActor(), params, { locale, t });
  return xlsxResponse(stream, t("processes.export.fileName"));
});
