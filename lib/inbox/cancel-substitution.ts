import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** Ends one of the actor's own substitutions; tasks already routed to the substitute stay with them. */
export async function cancelSubstitution(db: Db, who: Actor, id: string) {
  const actor = requireEmployee(who);
  return db.$transaction(async (tx) => {
    const row = await tx.substitution.findFirst({ where: { id, employeeId: actor.id } });
    if (!row) throw new AppError("not_found");
    if (!row.active) return { id: row.id };
    const r = await tx.substitution.updateMany({ where: { id: row.id, active: true }, data: { active: false } });
    if (r.count !== 1) throw new AppError("conflict");
    await writeAudit(tx, actor, { action: "substitution.cancel", entity: "Substitution", entityId: row.id, before: { active: true }, after: { active: false } });
    return { id: row.id };
  });
}
