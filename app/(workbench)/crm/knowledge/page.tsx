import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CategoryForm } from "@/components/crm/knowledge/category-form";
import { Highlighted } from "@/components/crm/knowledge/highlighted";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { searchKnowledge } from "@/lib/crm/knowledge/search-knowledge";
import { getDb } from "@/lib/db/client";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100) ?? "";

/** The sales knowledge base (CRM-0): categories, search across titles and text, newest first. */
export default async function KnowledgePage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await employeeWithPermission("crm.view");
  const params = await searchParams;
  const q = one(params.q).trim();
  const category = one(params.category);
  const [t, format, locale, list] = await Promise.all([getTranslations("knowledge.list"), getFormatter(), getLocale(), searchKnowledge(await getDb(), actor, { q, category })]);
  const mayEdit = hasPermission(actor, "knowledge.edit");
  const name = (c: { nameZh: string; nameEn: string }) => (locale === "en" ? c.nameEn : c.nameZh);
  const href = (cat: string | null) => listHref("/crm/knowledge", { category: cat, q: q || null });
  const chips = [{ id: "", label: t("allCategories"), count: null as number | null }, ...list.categories.map((c) => ({ id: c.id, label: name(c), count: c.count }))];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        {mayEdit ? <Link href="/crm/knowledge/new" className={buttonVariants({ size: "sm" })} data-testid="knowledge-new">{t("new")}</Link> : null}
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <FilterForm className="grid-cols-1 sm:grid-cols-4" actionsClassName="sm:col-span-1" submitLabel={t("searchSubmit")} resetLabel={t("reset")} resetHref="/crm/knowledge">
        {category ? <input type="hidden" name="category" value={category} /> : null}
        <div className="sm:col-span-3">
          <Label htmlFor="kb-q">{t("search")}</Label>
          <Input id="kb-q" name="q" type="search" defaultValue={q} maxLength={100} placeholder={t("search")} data-testid="knowledge-search" />
        </div>
      </FilterForm>
      <nav aria-label={t("categories")} className="flex flex-wrap gap-2" data-testid="knowledge-categories">
        {chips.map((c) => (
          <Link key={c.id || "all"} href={href(c.id || null)} aria-current={category === c.id ? "page" : undefined}
            className={cn("rounded-full border px-3 py-1.5 text-sm", category === c.id ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50")}>
            {c.label}{c.count !== null ? <span className="ml-1 text-xs text-slate-500">{t("count", { count: c.count })}</span> : null}
          </Link>
        ))}
      </nav>
      {q ? <p className="text-sm text-slate-600" role="status">{list.articles.length ? t("results", { count: list.articles.length }) : t("noResults", { q })}</p> : null}
      {list.articles.length ? (
        <ul className="space-y-3" data-testid="knowledge-results">
          {list.articles.map((a) => {
            const cat = list.categories.find((c) => c.id === a.categoryId);
            return (
              <li key={a.id}>
                <Card className="space-y-1">
                  <Link href={`/crm/knowledge/${a.id}`} className="text-base font-medium text-brand-700 hover:underline" data-testid="knowledge-article-link">{a.title}</Link>
                  <p className="text-sm leading-6 text-slate-700" data-testid="knowledge-snippet"><Highlighted segments={a.snippet} /></p>
                  <p className="text-xs text-slate-500">{cat ? `${name(cat)} · ` : ""}{t("updated", { date: format.dateTime(a.updatedAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" }) })}</p>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : !q ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
      {mayEdit ? <CategoryForm /> : null}
    </div>
  );
}
