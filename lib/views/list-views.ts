import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import type { Db } from "../db/client";
import { viewSearch } from "./view-search";

export type SavedView = { id: string; name: string; search: string };

function searchOf(query: unknown): string {
  const s = query && typeof query === "object" && "search" in query ? (query as { search: unknown }).search : "";
  return typeof s === "string" ? viewSearch(s) : "";
}

/** The employee's own saved views of one list, by name. */
export async function listViews(db: Db, who: Actor, listKey: string): Promise<SavedView[]> {
  const actor = requireEmployee(who);
  const rows = await db.savedFilter.findMany({ where: { ownerId: actor.id, listKey }, orderBy: [{ name: "asc" }, { createdAt: "asc" }], take: 100 });
  return rows.map((r) => ({ id: r.id, name: r.name, search: searchOf(r.query) }));
}
