import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ArticleForm } from "@/components/crm/knowledge/article-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getKnowledgeArticle } from "@/lib/crm/knowledge/get-knowledge-article";
import { listKnowledgeCategories } from "@/lib/crm/knowledge/list-knowledge-categories";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** Changing a knowledge article (CRM-0), for sales leads and administrators. */
export default async function EditKnowledgeArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("knowledge.edit");
  const { id } = await params;
  const db = await getDb();
  const [t, ta, locale, categories, article] = await Promise.all([
    getTranslations("knowledge.form"),
    getTranslations("knowledge.article"),
    getLocale(),
    listKnowledgeCategories(db, actor),
    getKnowledgeArticle(db, actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div>
      <BackLink href={`/crm/knowledge/${article.id}`} className="mb-2">{ta("back")}</BackLink>
      <PageHeader title={t("editTitle")} />
      <ArticleForm categories={categories.map((c) => ({ id: c.id, label: locale === "en" ? c.nameEn : c.nameZh }))} article={{ id: article.id, title: article.title, categoryId: article.categoryId, body: article.body }} />
    </div>
  );
}
