import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { apiActor } from "@/lib/auth/api-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { messageRequest } from "@/lib/workflow/api.schema";
import { deliverMessage } from "@/lib/workflow/deliver-message";

export const dynamic = "force-dynamic";

/** POST { name, businessKey, data }: delivers a message to the instance waiting for it. */
export const POST = apiRoute("deliver message failed", async (req: Request) => {
  const actor = await apiActor(req);
  if (!actor) throw new AppError("unauthenticated");
  if (actor.realm !== "system") requirePermission(actor, "process.operate");
  const body = await readJsonBody(req, messageRequest);
  return Response.json(await deliverMessage(await getDb(), actor, body));
});
