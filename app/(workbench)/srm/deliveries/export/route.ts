import { getLocale, getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { xlsxResponse } from "@/lib/files/xlsx-export";
import { exportDeliveryPlans } from "@/lib/srm/export-delivery-plans";
import { parseSrmListQuery } from "@/lib/srm/srm-lists.schema";

export const dynamic = "force-dynamic";

/** GET: the delivery-plan list with the filters of its address (status, q) as an Excel workbook, one row per plan line, streamed. */
export const GET = apiRoute("delivery plan export failed", async (req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const q = parseSrmListQuery({ ...params, tab: "deliveries" });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const stream = await exportDeliveryPlans(await getDb(), await currentActor(), q, { locale, t });
  return xlsxResponse(stream, t("exports.plans.fileName"));
});
