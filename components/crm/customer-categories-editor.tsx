"use client";

import { useTranslations } from "next-intl";
import { saveCategoryAction } from "@/app/(workbench)/crm/customers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { CustomerCategoryRow } from "@/lib/crm/customer-categories";

/** One category as a row of a form: name, order, in use; a new one has no id. */
function CategoryRow({ category }: { category: CustomerCategoryRow | null }) {
  const t = useTranslations("crm.categories");
  const save = useAction(saveCategoryAction);
  const key = category?.id ?? "new";
  return (
    <form
      className="grid grid-cols-[1fr_5rem] items-start gap-2 border-b border-slate-100 py-2 sm:grid-cols-[1fr_6rem_8rem_auto]"
      data-testid={category ? "category-row" : "category-new"}
      data-name={category?.name}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = Object.fromEntries(new FormData(e.currentTarget));
        save.run({ id: category?.id ?? null, input: { ...form, active: form.active === "on" } }, () => {
          if (!category) (e.target as HTMLFormElement).reset();
        });
      }}
    >
      <div>
        <Input name="name" aria-label={t("name")} placeholder={category ? undefined : t("newName")} defaultValue={category?.name ?? ""} maxLength={30} required aria-invalid={!!save.fieldError("name")} data-testid={`category-name-${key}`} />
        {save.error ? <Alert>{save.fieldError("name") ? `${t("name")}：${save.error.message}` : save.error.message}</Alert> : null}
      </div>
      <Input name="sortOrder" aria-label={t("sortOrder")} type="number" min={0} max={9999} defaultValue={category?.sortOrder ?? 0} />
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" name="active" className="h-4 w-4" defaultChecked={category?.active ?? true} /> {t("active")}
      </label>
      <Button type="submit" size="sm" variant={category ? "secondary" : "primary"} disabled={save.pending} data-testid={`category-save-${key}`}>{category ? t("save") : t("add")}</Button>
    </form>
  );
}

export function CustomerCategoriesEditor({ categories }: { categories: CustomerCategoryRow[] }) {
  const t = useTranslations("crm.categories");
  return (
    <Card className="max-w-3xl">
      <div className="hidden grid-cols-[1fr_6rem_8rem_auto] gap-2 text-xs font-medium text-slate-500 sm:grid">
        <span>{t("name")}</span>
        <span>{t("sortOrder")}</span>
        <span>{t("active")}</span>
        <span />
      </div>
      {categories.length === 0 ? <p className="py-2 text-sm text-slate-500">{t("none")}</p> : null}
      {categories.map((c) => <CategoryRow key={`${c.id}:${c.name}:${c.sortOrder}:${c.active}`} category={c} />)}
      <CategoryRow key={`new:${categories.length}`} category={null} />
    </Card>
  );
}
