import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** Deletes one of the employee's own saved views (of any list except the inbox, whose filters are its own). */
export async function deleteView(db: Db, who: Actor, id: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const row = await tx.savedFilter.findFirst({ where: { id, ownerId: actor.id, NOT: { listKey: "inbox" } } });
    if (!row) throw new AppError("not_found");
    await tx.savedFilter.delete({ where: { id: row.id } });
    await writeAudit(tx, actor, { action: "view.delete", entity: "SavedFilter", entityId: row.id, before: { listKey: row.listKey, name: row.name, query: row.query } });
    return { id: row.id, listKey: row.listKey };
  });
}
