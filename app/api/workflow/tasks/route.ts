import { apiRoute } from "@/lib/api/api-route";
import { apiActor } from "@/lib/auth/api-actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { countTasks } from "@/lib/inbox/count-tasks";
import { listTasks } from "@/lib/inbox/list-tasks";

export const dynamic = "force-dynamic";

/**
 * GET ?view=mine|group|started|done&q=&process=&due=&sort=&dir=&page=&size= : the caller's inbox,
 * one page (`items`, `hasNext`) with the pager's figures (`total`, `totalCapped`, `pages`).
 */
export const GET = apiRoute("list tasks failed", async (req: Request) => {
  const actor = await apiActor(req);
  if (!actor || actor.realm === "system") throw new AppError("unauthenticated");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const db = await getDb();
  const [list, count] = await Promise.all([listTasks(db, actor, params), countTasks(db, actor, params)]);
  return Response.json({ ...list, ...count });
});
