import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { viewSearch } from "./view-search";
import { saveViewInput, type SaveViewInput } from "./views.schema";

const MAX_VIEWS_PER_LIST = 30;

/**
 * Saves the list's current search params under a name, private to the employee.
 * Names are unique per employee and list; saving an existing name is refused.
 */
export async function saveView(db: Db, who: Actor, raw: SaveViewInput) {
  const actor = requireEmployee(who);
  const input = parseInput(saveViewInput, raw);
  const search = viewSearch(input.search);
  return db.$transaction(async (tx) => {
    const mine = await tx.savedFilter.findMany({ where: { ownerId: actor.id, listKey: input.listKey }, select: { name: true } });
    if (mine.some((v) => v.name === input.name)) throw new AppError("validation", { fieldErrors: { name: "validation.taken" } });
    if (mine.length >= MAX_VIEWS_PER_LIST) throw new AppError("validation", { fieldErrors: { name: "views.tooMany" } });
    const row = await tx.savedFilter.create({ data: { ownerId: actor.id, listKey: input.listKey, name: input.name, query: { search } } });
    await writeAudit(tx, actor, { action: "view.save", entity: "SavedFilter", entityId: row.id, after: { listKey: input.listKey, name: input.name, search } });
    return { id: row.id, name: row.name, search };
  });
}
