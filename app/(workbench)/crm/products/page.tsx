import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PagerLinks } from "@/components/admin/pager-links";
import { ProductLibraryTable } from "@/components/crm/products/product-library-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";
import { employeeWithPermission } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { listProductCategories } from "@/lib/crm/products/product-categories";
import { listLibraryProducts } from "@/lib/crm/products/product-library";
import { getDb } from "@/lib/db/client";
import { unitLabels } from "@/lib/srm/unit-labels";

const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").slice(0, 100);

/** The product library (CRM-4): the ERP's products by text and category, with their technical parameters. */
export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await employeeWithPermission("crm.view");
  const sp = await searchParams;
  const q = { q: one(sp.q), category: one(sp.category), page: Number(one(sp.page)) || 1 };
  const db = await getDb();
  const [t, locale, categories, list] = await Promise.all([
    getTranslations("products"),
    getLocale(),
    listProductCategories(db, actor),
    listLibraryProducts(db, actor, { q: q.q, categoryId: /^([0-9a-f-]{36}|none)$/i.test(q.category) ? q.category : null, page: q.page }),
  ]);
  const units = await unitLabels(db, list.rows.map((r) => r.unitCode).filter((x): x is string => !!x));
  const mayEdit = hasPermission(actor, "product.library");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        {mayEdit ? <Link href="/admin/product-categories" className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="product-categories-link">{t("categories")}</Link> : null}
      </PageHeader>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <FilterForm className="grid-cols-1 sm:grid-cols-3" actionsClassName="sm:col-span-3" submitLabel={t("searchSubmit")} resetLabel={t("reset")} resetHref="/crm/products">
        <div className="sm:col-span-2">
          <Label htmlFor="p-q">{t("search")}</Label>
          <Input id="p-q" name="q" defaultValue={q.q} maxLength={100} placeholder={t("searchHint")} data-testid="product-search" />
        </div>
        <div>
          <Label htmlFor="p-cat">{t("category")}</Label>
          <Select id="p-cat" name="category" defaultValue={q.category}>
            <option value="">{t("anyCategory")}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{locale === "en" ? c.nameEn : c.nameZh}</option>)}
            <option value="none">{t("noCategory")}</option>
          </Select>
        </div>
      </FilterForm>
      <ProductLibraryTable rows={list.rows} categories={categories.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, paramDefs: c.paramDefs }))} units={Object.fromEntries(list.rows.flatMap((r) => (r.unitCode ? [[r.unitCode, locale === "en" ? units(r.unitCode).nameEn : units(r.unitCode).nameZh]] : [])))} mayEdit={mayEdit} />
      <PagerLinks page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => listHref("/crm/products", { q: q.q, category: q.category, page: p })} />
    </div>
  );
}
