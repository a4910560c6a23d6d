import { getLocale, getTranslations } from "next-intl/server";
import { ProductCategoryForm } from "@/components/crm/products/product-category-form";
import { Card, PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { listProductCategories } from "@/lib/crm/products/product-categories";
import { getDb } from "@/lib/db/client";

/** The product library's categories and their technical parameters (product.library). */
export default async function ProductCategoriesPage() {
  const actor = await employeeWithPermission("product.library");
  const [t, locale, categories] = await Promise.all([getTranslations("products.admin"), getLocale(), listProductCategories(await getDb(), actor, { inactive: "included" })]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {categories.map((c) => (
        <Card key={c.id} data-testid="product-category">
          <details>
            <summary className="cursor-pointer">
              <span className="font-medium">{locale === "en" ? c.nameEn : c.nameZh}</span>
              <span className="ml-2 text-sm text-slate-500">{t("summary", { code: c.code, params: c.paramDefs.length, products: c.productCount })}</span>
              {c.active ? null : <span className="ml-2 text-sm text-slate-400">{t("inactive")}</span>}
            </summary>
            <div className="mt-3"><ProductCategoryForm value={{ id: c.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, sortOrder: c.sortOrder, active: c.active, paramDefs: c.paramDefs }} /></div>
          </details>
        </Card>
      ))}
      <Card>
        <h2 className="mb-2 font-medium">{t("new")}</h2>
        <ProductCategoryForm value={{ id: null, code: "", nameZh: "", nameEn: "", sortOrder: (categories.length + 1) * 10, active: true, paramDefs: [] }} />
      </Card>
    </div>
  );
}
