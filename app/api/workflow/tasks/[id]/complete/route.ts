import { apiActor } from "@/lib/auth/api-actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/http-error-response";
import { completeRequest } from "@/lib/workflow/api.schema";
import { completeTask } from "@/lib/workflow/complete-task";
import { readJsonBody } from "@/lib/workflow/read-json-body";

export const dynamic = "force-dynamic";

/** POST { data }: completes the task for the signed-in employee or supplier user. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await apiActor(req);
    if (!actor || actor.realm === "system") throw new AppError("unauthenticated");
    const body = await readJsonBody(req, completeRequest);
    return Response.json(await completeTask(await getDb(), actor, { taskId: (await params).id, data: body.data }));
  } catch (e) {
    return errorResponse(e, "complete task failed");
  }
}
