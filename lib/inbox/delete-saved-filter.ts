import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** Deletes one of the actor's own saved filters; a filter shared by someone else is not theirs to delete. */
export async function deleteSavedFilter(db: Db, who: Actor, id: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const row = await tx.savedFilter.findFirst({ where: { id, ownerId: actor.id, listKey: "inbox" } });
    if (!row) throw new AppError("not_found");
    await tx.savedFilter.delete({ where: { id: row.id } });
    await writeAudit(tx, actor, { action: "inbox.filter.delete", entity: "SavedFilter", entityId: row.id, before: { name: row.name, query: row.query, sharedGroupKey: row.sharedGroupKey } });
  });
}
