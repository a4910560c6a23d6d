import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { renderContractPdf } from "@/lib/crm/contracts/render-contract-pdf";
import { getDb } from "@/lib/db/client";
import { pdfResponse } from "@/lib/srm/delivery-note/render-delivery-note";

export const dynamic = "force-dynamic";

/** GET: the contract's current version as a PDF, for whoever sees the contract (404 otherwise). */
export const GET = apiRoute("contract pdf failed", async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return pdfResponse(await renderContractPdf(await getDb(), await currentActor(), id));
});
