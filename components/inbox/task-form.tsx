"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action-client";
import type { SupplierPick } from "@/lib/inbox/list-pickers";
import type { MemberPick } from "@/lib/org/department-members";
import type { FormDefinition } from "@/lib/workflow/forms";
import { FormFields, formData, textareaClass, type FormValues } from "./form-fields";

type SubmitAction = (input: { taskId: string; data: Record<string, unknown> }) => Promise<ActionResult<unknown>>;

/**
 * The task's form and its buttons: Submit, and for forms with a decision a
 * Reject that asks for the reason first. Works for both realms: the page
 * passes its realm's action.
 */
export function TaskForm({ taskId, form, submit, suppliers, members, onDone }: { taskId: string; form: FormDefinition | null; submit: SubmitAction; suppliers?: SupplierPick[]; members?: MemberPick[]; onDone?: () => void }) {
  const t = useTranslations("inbox.task");
  const tc = useTranslations("common");
  const [values, setValues] = useState<FormValues>({});
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const run = useAction(submit);
  const reject = useAction(submit);
  const decision = form?.fields.find((f) => f.type === "decision" && (f.options ?? []).some((o) => o.value === "reject"));

  return (
    <form
      className="space-y-4"
      noValidate
      data-testid="task-form"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ taskId, data: formData(form, values) }, () => onDone?.());
      }}
    >
      {run.error ? <Alert>{run.error.message}</Alert> : null}
      {form ? (
        <FormFields form={form} idPrefix="task" values={values} onChange={(name, v) => setValues((old) => ({ ...old, [name]: v }))} errors={run.error?.fieldErrors} suppliers={suppliers} members={members} disabled={run.pending} />
      ) : (
        <p className="text-sm text-slate-600">{t("noForm")}</p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {decision ? (
          <Button
            type="button"
            variant="secondary"
            className="text-red-700"
            data-testid="task-reject"
            onClick={() => {
              reject.reset();
              setRejecting(true);
            }}
          >
            {t("reject")}
          </Button>
        ) : null}
        <Button type="submit" disabled={run.pending} data-testid="task-complete">
          {run.pending ? t("completing") : t("complete")}
        </Button>
      </div>

      <Dialog open={rejecting} onOpenChange={setRejecting}>
        {rejecting && decision ? (
          <DialogContent title={t("rejectTitle")} closeLabel={tc("close")}>
            <div className="space-y-4">
              {reject.error && !reject.error.fieldErrors?.comment ? <Alert>{reject.error.message}</Alert> : null}
              <Field id="reject-reason" label={t("rejectReason")} error={reject.error?.fieldErrors?.comment}>
                <textarea id="reject-reason" className={textareaClass} value={reason} maxLength={4000} autoFocus aria-invalid={!!reject.error?.fieldErrors?.comment} onChange={(e) => setReason(e.target.value)} />
              </Field>
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => setRejecting(false)}>{tc("cancel")}</Button>
                <Button
                  type="button"
                  variant="danger"
                  disabled={reject.pending}
                  data-testid="task-reject-confirm"
                  onClick={() =>
                    reject.run({ taskId, data: { ...formData(form, values), [decision.name]: "reject", comment: reason } }, () => {
                      setRejecting(false);
                      onDone?.();
                    })
                  }
                >
                  {t("confirmReject")}
                </Button>
              </div>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </form>
  );
}
