import { apiActor } from "@/lib/auth/api-actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/http-error-response";
import { startRequest } from "@/lib/workflow/api.schema";
import { readJsonBody } from "@/lib/workflow/read-json-body";
import { startByKey } from "@/lib/workflow/start-by-key";

export const dynamic = "force-dynamic";

/** POST { businessKey?, supplierId?, data }: starts the latest version of the process. */
export async function POST(req: Request, { params }: { params: Promise<{ key: string }> }) {
  try {
    const actor = await apiActor(req);
    if (!actor) throw new AppError("unauthenticated");
    const body = await readJsonBody(req, startRequest);
    const started = await startByKey(await getDb(), actor, { key: (await params).key, ...body });
    return Response.json(started, { status: 201 });
  } catch (e) {
    return errorResponse(e, "start process failed");
  }
}
