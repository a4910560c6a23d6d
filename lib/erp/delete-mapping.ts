import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

export async function deleteMapping(db: Db, who: Actor, id: string) {
  const actor = requirePermission(who, "integration.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.erpMapping.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    await tx.erpMapping.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "erp.mapping.delete", entity: "ErpMapping", entityId: id, before });
  });
}
