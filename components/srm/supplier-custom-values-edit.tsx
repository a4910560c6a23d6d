"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateSupplierCustomAction } from "@/app/(workbench)/srm/suppliers/actions";
import { CustomFieldInputs, readCustomForm } from "@/components/admin/custom-fields-inputs";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { CustomFieldDef, CustomValues } from "@/lib/custom-fields/custom-fields.schema";

/** Edits a supplier's custom values (the active fields; switched-off ones keep theirs) in a dialog. */
export function SupplierCustomValuesEdit({ supplierId, fields, values }: { supplierId: string; fields: CustomFieldDef[]; values: CustomValues }) {
  const t = useTranslations("customFields.values");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const save = useAction(updateSupplierCustomAction);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); save.reset(); }}>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} data-testid="custom-values-edit">
        <Pencil className="h-4 w-4" aria-hidden />
        {t("edit")}
      </Button>
      {open ? (
        <DialogContent title={t("editTitle")} closeLabel={tc("close")}>
          <form
            noValidate
            className="grid gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              save.run({ id: supplierId, custom: readCustomForm(new FormData(e.currentTarget)) }, () => setOpen(false));
            }}
          >
            {save.error ? <div className="sm:col-span-2"><Alert>{save.error.message}</Alert></div> : null}
            <CustomFieldInputs fields={fields} values={values} error={save.fieldError} idPrefix="edit-custom" />
            <div className="flex flex-col-reverse gap-2 pt-2 sm:col-span-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
              <Button type="submit" disabled={save.pending} data-testid="custom-values-save">{save.pending ? t("saving") : tc("save")}</Button>
            </div>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
