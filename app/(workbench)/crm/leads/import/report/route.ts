import { getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { leadImportTarget } from "@/lib/crm/leads/lead-import-target";
import { getDb } from "@/lib/db/client";
import { importErrorReport } from "@/lib/imports/import-report";
import { xlsxResponse } from "@/lib/files/xlsx-export";

export const dynamic = "force-dynamic";

/** GET ?run=<id>: the lead import's failed and skipped rows with the reasons, as an Excel workbook in the reader's language. */
export const GET = apiRoute("lead import error report failed", async (req: Request) => {
  const runId = new URL(req.url).searchParams.get("run") ?? "";
  const t = await getTranslations();
  const stream = await importErrorReport(await getDb(), await currentActor(), leadImportTarget, runId, t);
  return xlsxResponse(stream, t("leadImport.report.fileName"));
});
