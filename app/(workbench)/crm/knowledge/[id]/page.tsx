import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/crm/knowledge/article-body";
import { DeleteArticleButton } from "@/components/crm/knowledge/delete-article-button";
import { InstanceFiles } from "@/components/inbox/instance-files";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getKnowledgeArticle } from "@/lib/crm/knowledge/get-knowledge-article";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** One knowledge article (CRM-0): its text, attachments, who wrote it and when it changed. */
export default async function KnowledgeArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await employeeWithPermission("crm.view");
  const { id } = await params;
  const [t, format, locale, a] = await Promise.all([
    getTranslations("knowledge.article"),
    getFormatter(),
    getLocale(),
    getKnowledgeArticle(await getDb(), actor, id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") notFound();
      throw e;
    }),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <BackLink href="/crm/knowledge" className="mb-2">{t("back")}</BackLink>
      <PageHeader title={a.title}>
        {a.mayEdit ? (
          <div className="flex gap-2">
            <Link href={`/crm/knowledge/${a.id}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="article-edit">{t("edit")}</Link>
            <DeleteArticleButton id={a.id} />
          </div>
        ) : null}
      </PageHeader>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge>{locale === "en" ? a.category.nameEn : a.category.nameZh}</Badge>
        <span>{t("updated", { name: a.updatedByName ?? a.authorName ?? "—", date: format.dateTime(a.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) })}</span>
      </div>
      <Card><ArticleBody body={a.body} /></Card>
      {a.files.length || a.mayEdit ? (
        <Card className="mt-4" data-testid="article-files">
          <h2 className="mb-2 font-medium">{t("attachments")}</h2>
          <InstanceFiles ownerType="KnowledgeArticle" ownerId={a.id} files={a.files} canUpload={a.mayEdit} />
        </Card>
      ) : null}
    </div>
  );
}
