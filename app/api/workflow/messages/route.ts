import { apiActor } from "@/lib/auth/api-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/http-error-response";
import { messageRequest } from "@/lib/workflow/api.schema";
import { deliverMessage } from "@/lib/workflow/deliver-message";
import { readJsonBody } from "@/lib/workflow/read-json-body";

export const dynamic = "force-dynamic";

/** POST { name, businessKey, data }: delivers a message to the instance waiting for it. */
export async function POST(req: Request) {
  try {
    const actor = await apiActor(req);
    if (!actor) throw new AppError("unauthenticated");
    if (actor.realm !== "system") requirePermission(actor, "process.operate");
    const body = await readJsonBody(req, messageRequest);
    return Response.json(await deliverMessage(await getDb(), actor, body));
  } catch (e) {
    return errorResponse(e, "deliver message failed");
  }
}
