import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { mappingInput, type MappingInput } from "./erp.schema";
import { parseInput } from "../errors/parse-input";

/**
 * Says which ERP record a local code stands for (e.g. Tryton's "30 days" is NET30).
 * One mapping per local code: saving again changes its ERP id.
 */
export async function saveMapping(db: Db, who: Actor, raw: MappingInput) {
  const actor = requirePermission(who, "integration.manage");
  const input = parseInput(mappingInput, raw);
  try {
    return await db.$transaction(async (tx) => {
      const key = { entity_localCode: { entity: input.entity, localCode: input.localCode } };
      const before = await tx.erpMapping.findUnique({ where: key });
      const row = await tx.erpMapping.upsert({ where: key, create: input, update: { erpId: input.erpId, erpName: input.erpName } });
      await writeAudit(tx, actor, { action: "erp.mapping.save", entity: "ErpMapping", entityId: row.id, before, after: row });
      return row;
    });
  } catch (e) {
    // The ERP record is mapped to another local code already.
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { erpId: "validation.taken" } });
    throw e;
  }
}
