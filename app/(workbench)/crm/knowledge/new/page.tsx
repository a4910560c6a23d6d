import { getLocale, getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/crm/knowledge/article-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { listKnowledgeCategories } from "@/lib/crm/knowledge/list-knowledge-categories";
import { getDb } from "@/lib/db/client";

/** A new knowledge article (CRM-0), for sales leads and administrators. */
export default async function NewKnowledgeArticlePage() {
  const actor = await employeeWithPermission("knowledge.edit");
  const [t, ta, locale, categories] = await Promise.all([getTranslations("knowledge.form"), getTranslations("knowledge.article"), getLocale(), listKnowledgeCategories(await getDb(), actor)]);
  return (
    <div>
      <BackLink href="/crm/knowledge" className="mb-2">{ta("back")}</BackLink>
      <PageHeader title={t("newTitle")} />
      <ArticleForm categories={categories.map((c) => ({ id: c.id, label: locale === "en" ? c.nameEn : c.nameZh }))} />
    </div>
  );
}
