import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { savedQuery, type SaveFilterInput } from "./inbox.schema";
import { parseInput } from "../errors/parse-input";

const MAX_FILTERS_PER_USER = 50;

/** Saves the current inbox query under a name, optionally shared with one of the owner's own groups. */
export async function saveFilter(db: Db, who: Actor, input: { name: string; sharedGroupKey: string | null; query: SaveFilterInput["query"] }) {
  const actor = requireEmployee(who);
  if (input.sharedGroupKey && !actor.groups.includes(input.sharedGroupKey)) {
    throw new AppError("validation", { fieldErrors: { sharedGroupKey: "validation.unknown_group" } });
  }
  const query = parseInput(savedQuery, input.query);
  return db.$transaction(async (tx) => {
    if ((await tx.savedFilter.count({ where: { ownerId: actor.id, listKey: "inbox" } })) >= MAX_FILTERS_PER_USER) {
      throw new AppError("validation", { fieldErrors: { name: "inbox.validation.tooManyFilters" } });
    }
    const row = await tx.savedFilter.create({ data: { ownerId: actor.id, name: input.name, query, sharedGroupKey: input.sharedGroupKey } });
    await writeAudit(tx, actor, { action: "inbox.filter.save", entity: "SavedFilter", entityId: row.id, after: { name: row.name, query, sharedGroupKey: row.sharedGroupKey } });
    return { id: row.id };
  });
}
