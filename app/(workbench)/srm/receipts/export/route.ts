import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { xlsxResponse } from "@/lib/files/xlsx-export";
import { exportReceipts } from "@/lib/srm/receiving/export-receipts";
import { parseReceiptQuery } from "@/lib/srm/receiving/receipts.schema";

export const dynamic = "force-dynamic";

/** GET: the receipt library with the filters of its address (supplier, order, q, from, to) as an Excel workbook, one row per receipt line or lot, streamed. */
export const GET = apiRoute("receipt export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportReceipts(await getDb(), await currentActor(), parseReceiptQuery(params), { locale, t });
  return xlsxResponse(stream, t("exports.receipts.fileName"));
});
