import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError, isUniqueViolation } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { categoryInput, type CategoryInput } from "./knowledge.schema";

/** A new category at the end of the list (knowledge.edit), audited. */
export async function addKnowledgeCategory(db: Db, who: Actor | null, raw: CategoryInput) {
  const actor = requirePermission(who, "knowledge.edit");
  const input = parseInput(categoryInput, raw);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.knowledgeCategory.aggregate({ _max: { sort: true } });
      const made = await tx.knowledgeCategory.create({ data: { nameZh: input.nameZh, nameEn: input.nameEn || input.nameZh, sort: (last._max.sort ?? 0) + 1 }, select: { id: true } });
      await writeAudit(tx, actor, { action: "knowledge.category_create", entity: "KnowledgeCategory", entityId: made.id, after: input });
      return made;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("validation", { fieldErrors: { nameZh: "validation.knowledge_category_taken" } });
    throw e;
  }
}
