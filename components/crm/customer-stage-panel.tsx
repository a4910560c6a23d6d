"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { setCustomerStageAction } from "@/app/(workbench)/crm/customers/[id]/stage-actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Stage = "prospect" | "customer" | "inactive";

/**
 * The customer's stage and its place in the ERP: a prospect (or an inactive customer)
 * becomes a customer of record, which writes it to the ERP as a party; a customer is set
 * inactive with a reason.
 */
export function CustomerStagePanel({ customerId, code, stage, erpId, mayEdit }: { customerId: string; code: string; stage: Stage; erpId: string | null; mayEdit: boolean }) {
  const t = useTranslations("crm.stagePanel");
  const save = useAction(setCustomerStageAction);
  const [asking, setAsking] = useState(false);
  const erp = stage === "prospect" ? t("erpNone") : erpId ? t("erpWritten", { code }) : t("erpPending");
  return (
    <div className="space-y-3 text-sm" data-testid="customer-stage">
      <p data-testid="customer-erp-state">{erp}</p>
      {mayEdit ? (
        <div className="flex flex-wrap items-end gap-2">
          {stage !== "customer" ? (
            <Button type="button" size="sm" disabled={save.pending} onClick={() => save.run({ id: customerId, stage: "customer" })} data-testid="stage-to-customer">
              {stage === "prospect" ? t("toCustomer") : t("reactivate")}
            </Button>
          ) : null}
          {stage !== "inactive" && !asking ? (
            <Button type="button" size="sm" variant="secondary" onClick={() => setAsking(true)} data-testid="stage-to-inactive">{t("toInactive")}</Button>
          ) : null}
        </div>
      ) : null}
      {asking && stage !== "inactive" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.run({ id: customerId, stage: "inactive", reason: String(new FormData(e.currentTarget).get("reason") ?? "") }, () => setAsking(false));
          }}
        >
          <div className="min-w-48 flex-1">
            <Field id="stage-reason" label={t("reason")} error={save.fieldError("reason")}>
              <Input id="stage-reason" name="reason" maxLength={500} />
            </Field>
          </div>
          <Button type="submit" size="sm" variant="secondary" disabled={save.pending}>{t("confirmInactive")}</Button>
        </form>
      ) : null}
      {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
    </div>
  );
}
