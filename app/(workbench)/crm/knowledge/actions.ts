"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { addKnowledgeCategory } from "@/lib/crm/knowledge/add-knowledge-category";
import type { ArticleInput, CategoryInput } from "@/lib/crm/knowledge/knowledge.schema";
import { createKnowledgeArticle, deleteKnowledgeArticle, updateKnowledgeArticle } from "@/lib/crm/knowledge/save-knowledge-article";

// The use-cases validate their input (field errors), check knowledge.edit again and write the audit rows.

export const createArticleAction = employeeAction("knowledge.edit", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const made = await createKnowledgeArticle(db, actor, input as ArticleInput);
  revalidatePath("/crm/knowledge");
  return { id: made.id };
});

export const updateArticleAction = employeeAction("knowledge.edit", z.object({ id: z.string().max(40), input: z.record(z.string(), z.unknown()) }), async ({ id, input }, { actor, db }) => {
  await updateKnowledgeArticle(db, actor, id, input as ArticleInput);
  revalidatePath("/crm/knowledge");
  revalidatePath(`/crm/knowledge/${id}`);
  return { id };
});

export const deleteArticleAction = employeeAction("knowledge.edit", z.object({ id: z.string().max(40) }), async ({ id }, { actor, db }) => {
  await deleteKnowledgeArticle(db, actor, id);
  revalidatePath("/crm/knowledge");
  return { id };
});

export const addCategoryAction = employeeAction("knowledge.edit", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const made = await addKnowledgeCategory(db, actor, input as CategoryInput);
  revalidatePath("/crm/knowledge");
  return { id: made.id };
});
