import { getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { exportOpportunities } from "@/lib/crm/opportunities/export-opportunities";
import { parseOpportunityListQuery } from "@/lib/crm/opportunities/opportunity-lists.schema";
import { getDb } from "@/lib/db/client";
import { xlsxResponse } from "@/lib/files/xlsx-export";

export const dynamic = "force-dynamic";

/** GET: the opportunity list with the filters of its address, as the employee sees it, as an Excel workbook. */
export const GET = apiRoute("opportunity export failed", async (req: Request) => {
  const q = parseOpportunityListQuery(Object.fromEntries(new URL(req.url).searchParams));
  const t = await getTranslations();
  const stream = await exportOpportunities(await getDb(), await currentActor(), q, { t });
  return xlsxResponse(stream, t("opportunities.export.fileName"));
});
