"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { addCategoryAction } from "@/app/(workbench)/crm/knowledge/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A new knowledge-base category, for those who edit the knowledge base. */
export function CategoryForm() {
  const t = useTranslations("knowledge.list");
  const add = useAction(addCategoryAction);
  const [saved, setSaved] = useState(false);
  return (
    <Card>
      <h2 className="mb-2 font-medium">{t("addCategory")}</h2>
      <form
        className="grid gap-3 sm:grid-cols-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          setSaved(false);
          add.run(Object.fromEntries(new FormData(form)), () => {
            form.reset();
            setSaved(true);
          });
        }}
      >
        <Field id="kc-zh" label={t("categoryName")} error={add.fieldError("nameZh")}>
          <Input id="kc-zh" name="nameZh" maxLength={30} />
        </Field>
        <Field id="kc-en" label={t("categoryNameEn")} error={add.fieldError("nameEn")}>
          <Input id="kc-en" name="nameEn" maxLength={60} />
        </Field>
        <div className="flex items-end gap-3">
          <Button type="submit" variant="secondary" disabled={add.pending}>{t("addCategorySubmit")}</Button>
          {saved ? <span role="status" className="text-sm text-green-700">{t("categoryAdded")}</span> : null}
        </div>
        {add.error && !Object.keys(add.error.fieldErrors ?? {}).length ? <div className="sm:col-span-3"><Alert>{add.error.message}</Alert></div> : null}
      </form>
    </Card>
  );
}
