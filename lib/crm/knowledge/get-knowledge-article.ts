import "server-only";
import type { Actor } from "../../auth/actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { KNOWLEDGE_FILE_OWNER } from "./knowledge-file-access";

/** One article for everyone in sales (crm.view): category, author and last editor by name, attachments. */
export async function getKnowledgeArticle(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "crm.view");
  const article = /^[0-9a-f-]{36}$/i.test(id) ? await db.knowledgeArticle.findUnique({ where: { id }, include: { category: { select: { id: true, nameZh: true, nameEn: true } } } }) : null;
  if (!article) throw new AppError("not_found");
  const [people, files] = await Promise.all([
    db.employee.findMany({ where: { id: { in: [article.authorId, article.updatedById] } }, select: { id: true, name: true } }),
    db.storedFile.findMany({ where: { ownerType: KNOWLEDGE_FILE_OWNER, ownerId: article.id }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, size: true, contentType: true, createdAt: true } }),
  ]);
  const name = (pid: string) => people.find((p) => p.id === pid)?.name ?? null;
  const { searchText: _search, ...rest } = article;
  return { ...rest, authorName: name(article.authorId), updatedByName: name(article.updatedById), files, mayEdit: hasPermission(actor, "knowledge.edit") };
}
