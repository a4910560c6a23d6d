import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { xlsxResponse } from "@/lib/files/xlsx-export";
import { exportPurchaseOrders } from "@/lib/srm/export-purchase-orders";
import { parseSrmListQuery } from "@/lib/srm/srm-lists.schema";

export const dynamic = "force-dynamic";

/** GET: the purchase-order list with the filters of its address (status, q, cf_<key>) as an Excel workbook, one row per order line, streamed. */
export const GET = apiRoute("purchase order export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = parseSrmListQuery({ ...params, tab: "orders" });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportPurchaseOrders(await getDb(), await currentActor(), q, { locale, t });
  return xlsxResponse(stream, t("exports.orders.fileName"));
});
