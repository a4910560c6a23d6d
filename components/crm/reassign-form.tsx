"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { reassignCustomerAction } from "@/app/(workbench)/crm/customers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

type Target = { id: string; label: string };

/** The sales lead gives the customer to another rep of the department. */
export function ReassignForm({ customerId, ownerId, targets }: { customerId: string; ownerId: string | null; targets: Target[] }) {
  const t = useTranslations("crm.detail");
  const save = useAction(reassignCustomerAction);
  const [done, setDone] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="reassign-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        save.run({ id: customerId, ownerId: String(new FormData(e.currentTarget).get("ownerId") ?? "") }, () => setDone(true));
      }}
    >
      <div className="min-w-48 flex-1">
        <Field id="reassign-owner" label={t("reassignTo")} error={save.fieldError("ownerId")}>
          <Select id="reassign-owner" name="ownerId" defaultValue={ownerId ?? ""}>
            {targets.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </Select>
        </Field>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={save.pending}>{t("reassignSubmit")}</Button>
      {done ? <span role="status" className="text-sm text-green-700">{t("reassigned")}</span> : null}
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
    </form>
  );
}
