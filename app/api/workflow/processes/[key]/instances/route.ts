import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { apiActor } from "@/lib/auth/api-actor";
import { getDb } from "@/lib/db/client";
import { startRequest } from "@/lib/workflow/api.schema";
import { startByHand } from "@/lib/workflow/start-by-hand";

export const dynamic = "force-dynamic";

/**
 * POST { businessKey?, supplierId?, data }: starts the latest version of the process,
 * for those the process names as its starters. With an `Idempotency-Key` header a
 * repeated request answers 200 with the instance the first one started (201).
 */
export const POST = apiRoute("start process failed", async (req: Request, { params }: { params: Promise<{ key: string }> }) => {
  const actor = await apiActor(req);
  const body = await readJsonBody(req, startRequest);
  const startKey = req.headers.get("idempotency-key")?.trim() || undefined;
  const started = await startByHand(await getDb(), actor, { key: (await params).key, ...body, startKey });
  return Response.json(started, { status: started.replayed ? 200 : 201 });
});
