"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionError } from "@/lib/auth/action-client";

type Labels = { open: string; field: string; hint: string; confirm: string; keep: string };

/**
 * A "cancel …" button that opens a small form asking why; the parent runs its action with
 * the reason (the use-case requires one) and closes the form on success.
 */
export function CancelWithReason(p: { testId: string; labels: Labels; pending: boolean; error: ActionError | null; onConfirm: (reason: string, close: () => void) => void; onReset?: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const fieldId = `${p.testId}-reason`;
  const fieldError = p.error?.fieldErrors?.reason;
  if (!open) {
    return (
      <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid={p.testId}>{p.labels.open}</Button>
    );
  }
  return (
    <form
      className="w-full max-w-xl space-y-2 rounded-lg border border-red-200 bg-red-50 p-3"
      data-testid={`${p.testId}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        p.onConfirm(reason, () => setOpen(false));
      }}
    >
      <Field id={fieldId} label={p.labels.field} hint={p.labels.hint} error={fieldError}>
        <textarea id={fieldId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} autoFocus className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" data-testid={fieldId} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={p.pending} data-testid={`${p.testId}-confirm`}>{p.labels.confirm}</Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => { setOpen(false); p.onReset?.(); }}>{p.labels.keep}</Button>
      </div>
      {p.error && !fieldError ? <Alert>{p.error.message}</Alert> : null}
    </form>
  );
}
