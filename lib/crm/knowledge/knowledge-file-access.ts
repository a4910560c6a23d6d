import "server-only";
import type { Actor } from "../../auth/actor";
import { hasPermission } from "../../auth/permissions";
import type { Db, Tx } from "../../db/client";
import type { OwnerAccess } from "../../files/owner-access-rules";

export const KNOWLEDGE_FILE_OWNER = "KnowledgeArticle";

const exists = async (id: string, db: Db | Tx) => /^[0-9a-f-]{36}$/i.test(id) && !!(await db.knowledgeArticle.findUnique({ where: { id }, select: { id: true } }));

/** Attachments of a knowledge article: read by everyone in sales, attached by its editors. */
export const knowledgeOwnerAccess: OwnerAccess = {
  canRead: async (actor: Actor, id, db) => hasPermission(actor, "crm.view") && exists(id, db),
  canWrite: async (actor: Actor, id, db) => hasPermission(actor, "knowledge.edit") && exists(id, db),
  supplierIdOf: async () => null,
};
