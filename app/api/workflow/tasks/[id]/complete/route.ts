import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { apiActor } from "@/lib/auth/api-actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { completeRequest } from "@/lib/workflow/api.schema";
import { completeTask } from "@/lib/workflow/complete-task";

export const dynamic = "force-dynamic";

/** POST { data }: completes the task for the signed-in employee or supplier user. */
export const POST = apiRoute("complete task failed", async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await apiActor(req);
  if (!actor || actor.realm === "system") throw new AppError("unauthenticated");
  const body = await readJsonBody(req, completeRequest);
  return Response.json(await completeTask(await getDb(), actor, { taskId: (await params).id, data: body.data }));
});
