import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { savedQuery, type SavedQuery } from "./inbox.schema";
import { parseInput } from "../errors/parse-input";

export type SavedFilterRow = { id: string; name: string; query: SavedQuery; sharedGroupKey: string | null; mine: boolean; ownerName: string | null };

/** The actor's own saved filters and those shared with one of their groups. */
export async function listSavedFilters(db: Db, who: Actor): Promise<SavedFilterRow[]> {
  const actor = requireEmployee(who);
  const rows = await db.savedFilter.findMany({
    where: { listKey: "inbox", OR: [{ ownerId: actor.id }, ...(actor.groups.length ? [{ sharedGroupKey: { in: actor.groups } }] : [])] },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    take: 200,
  });
  const others = [...new Set(rows.filter((r) => r.ownerId !== actor.id).map((r) => r.ownerId))];
  const owners = new Map((await db.employee.findMany({ where: { id: { in: others } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    // A stored query is read through the same schema as the URL: old or odd values fall back to defaults.
    query: parseInput(savedQuery, r.query ?? {}),
    sharedGroupKey: r.sharedGroupKey,
    mine: r.ownerId === actor.id,
    ownerName: r.ownerId === actor.id ? actor.name : (owners.get(r.ownerId) ?? null),
  }));
}
