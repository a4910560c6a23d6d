"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { setSupplierCategoriesAction } from "@/app/(workbench)/srm/suppliers/certificate-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxList } from "@/components/ui/checkbox-list";

/** Purchasing changes the supplier's categories (which decide its mandatory documents). */
export function SupplierCategoriesEdit({ supplierId, options, value }: { supplierId: string; options: { value: string; label: string }[]; value: string[] }) {
  const t = useTranslations("certificates.archive");
  const router = useRouter();
  const save = useAction(setSupplierCategoriesAction);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(value);
  if (!open) {
    return <Button type="button" size="sm" variant="secondary" onClick={() => { setChosen(value); setOpen(true); }} data-testid="edit-categories">{t("editCategories")}</Button>;
  }
  return (
    <div className="space-y-2" data-testid="categories-form">
      <CheckboxList options={options} value={chosen} onChange={setChosen} legend={t("categories")} />
      {save.error ? <Alert>{save.error.message}</Alert> : null}
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={save.pending} onClick={() => save.run({ supplierId, categoryIds: chosen }, () => { setOpen(false); router.refresh(); })} data-testid="save-categories">{t("saveCategories")}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
    </div>
  );
}
