import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { foldText } from "./fold-text";
import { articleInput, type ArticleInput } from "./knowledge.schema";

const UUID = /^[0-9a-f-]{36}$/i;

async function checkedInput(tx: Tx, raw: ArticleInput) {
  const input = parseInput(articleInput, raw);
  const category = UUID.test(input.categoryId) ? await tx.knowledgeCategory.findUnique({ where: { id: input.categoryId }, select: { id: true } }) : null;
  if (!category) throw new AppError("validation", { fieldErrors: { categoryId: "validation.required" } });
  return { ...input, searchText: foldText(`${input.title}\n${input.body}`) };
}

/** A new article (knowledge.edit: sales leads, administrators), with its audit row. */
export async function createKnowledgeArticle(db: Db, who: Actor | null, raw: ArticleInput) {
  const actor = requirePermission(who, "knowledge.edit");
  return db.$transaction(async (tx) => {
    const data = await checkedInput(tx, raw);
    const article = await tx.knowledgeArticle.create({ data: { ...data, authorId: actor.id, updatedById: actor.id }, select: { id: true } });
    await writeAudit(tx, actor, { action: "knowledge.create", entity: "KnowledgeArticle", entityId: article.id, after: { title: data.title, categoryId: data.categoryId } });
    return article;
  });
}

/** An article changed; the audit row keeps the previous title, category and body. */
export async function updateKnowledgeArticle(db: Db, who: Actor | null, id: string, raw: ArticleInput) {
  const actor = requirePermission(who, "knowledge.edit");
  return db.$transaction(async (tx) => {
    const data = await checkedInput(tx, raw);
    const before = UUID.test(id) ? await tx.knowledgeArticle.findUnique({ where: { id }, select: { title: true, categoryId: true, body: true } }) : null;
    if (!before) throw new AppError("not_found");
    await tx.knowledgeArticle.update({ where: { id }, data: { ...data, updatedById: actor.id } });
    await writeAudit(tx, actor, { action: "knowledge.update", entity: "KnowledgeArticle", entityId: id, before, after: { title: data.title, categoryId: data.categoryId, body: data.body } });
    return { id };
  });
}

/** An article removed; its title and body stay in the audit row (its attachments stay in the file store). */
export async function deleteKnowledgeArticle(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "knowledge.edit");
  await db.$transaction(async (tx) => {
    const before = UUID.test(id) ? await tx.knowledgeArticle.findUnique({ where: { id }, select: { title: true, categoryId: true, body: true } }) : null;
    if (!before) throw new AppError("not_found");
    await tx.knowledgeArticle.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "knowledge.delete", entity: "KnowledgeArticle", entityId: id, before });
  });
}
