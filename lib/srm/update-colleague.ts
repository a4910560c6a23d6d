import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireSupplierAdmin } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { colleagueActiveInput, colleagueAdminInput } from "./colleague.schema";
import { lockAsSupplierAdmin } from "./supplier-admin-lock";

type Change = { active: boolean } | { isAdmin: boolean };

/**
 * A supplier administrator (de)activates a colleague or grants / revokes the supplier
 * administration. The account is looked up within the actor's own supplier, so an id of
 * another supplier's account is "not found" and changes nothing. Nobody (de)activates
 * themselves, and the supplier always keeps one active administrator.
 */
async function changeColleague(db: Db, who: Actor | null, id: string, change: Change) {
  const actor = requireSupplierAdmin(who);
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  return db.$transaction(async (tx) => {
    await lockAsSupplierAdmin(tx, actor);
    const target = await tx.supplierUser.findFirst({ where: { id, supplierId: actor.supplierId }, select: { id: true, active: true, isAdmin: true } });
    if (!target) throw new AppError("not_found");
    if ("active" in change && target.id === actor.id) throw new AppError("own_account");
    const after = { active: target.active, isAdmin: target.isAdmin, ...change };
    if (target.active && target.isAdmin && !(after.active && after.isAdmin)) {
      const others = await tx.supplierUser.count({ where: { supplierId: actor.supplierId, active: true, isAdmin: true, id: { not: target.id } } });
      if (others === 0) throw new AppError("last_supplier_admin");
    }
    await tx.supplierUser.update({ where: { id: target.id }, data: change });
    await writeAudit(tx, actor, {
      action: "active" in change ? (change.active ? "supplier_user.activate" : "supplier_user.deactivate") : change.isAdmin ? "supplier_user.grant_admin" : "supplier_user.revoke_admin",
      entity: "SupplierUser",
      entityId: target.id,
      before: { active: target.active, isAdmin: target.isAdmin },
      after,
    });
    return { id: target.id, ...after };
  });
}

export async function setColleagueActive(db: Db, who: Actor | null, raw: unknown) {
  const { id, active } = parseInput(colleagueActiveInput, raw);
  return changeColleague(db, who, id, { active });
}

export async function setColleagueAdmin(db: Db, who: Actor | null, raw: unknown) {
  const { id, isAdmin } = parseInput(colleagueAdminInput, raw);
  return changeColleague(db, who, id, { isAdmin });
}
