import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";

/** The categories to file an article under, in their order. */
export async function listKnowledgeCategories(db: Db, who: Actor | null) {
  requirePermission(who, "crm.view");
  return db.knowledgeCategory.findMany({ orderBy: [{ sort: "asc" }, { nameZh: "asc" }], select: { id: true, nameZh: true, nameEn: true } });
}
