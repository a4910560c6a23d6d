"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { cancelInstanceAction, moveTokenAction, retryJobAction } from "@/app/(workbench)/processes/instances/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

/** Cancel with a reason (asked in a dialog). */
export function CancelInstance({ id }: { id: string }) {
  const t = useTranslations("processes.instance");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { run, pending, error, fieldError } = useAction(cancelInstanceAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger" size="sm" data-testid="cancel-instance">{t("cancel")}</Button>
      </DialogTrigger>
      <DialogContent title={t("cancelTitle")} description={t("cancelHint")} closeLabel={tc("close")}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            run({ id, reason }, () => setOpen(false));
          }}
        >
          {error && !error.fieldErrors?.reason ? <Alert>{error.message}</Alert> : null}
          <Field id="cancel-reason" label={t("reason")} error={fieldError("reason")}>
            <textarea id="cancel-reason" className="min-h-24 w-full rounded-md border border-slate-300 p-2 text-sm" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
            <Button type="submit" variant="danger" disabled={pending}>{t("confirmCancel")}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function RetryJob({ jobId }: { jobId: string }) {
  const t = useTranslations("processes.instance");
  const { run, pending, error } = useAction(retryJobAction);
  const [done, setDone] = useState(false);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button size="sm" variant="secondary" disabled={pending || done} onClick={() => run({ jobId }, () => setDone(true))} data-testid="retry-job">
        {t("retry")}
      </Button>
      {done ? <span className="text-xs text-green-700">{t("retried")}</span> : null}
      {error ? <span className="text-xs text-red-600">{error.message}</span> : null}
    </span>
  );
}

/** Move a waiting task's token to another user task of the same scope (operator; reason required; audited). */
export function MoveToken({ instanceId, version, task, targets }: { instanceId: string; version: number; task: { id: string; name: string }; targets: { id: string; name: string }[] }) {
  const t = useTranslations("processes.move");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [targetId, setTargetId] = useState("");
  const [reason, setReason] = useState("");
  const { run, pending, error, fieldError, reset } = useAction(moveTokenAction);
  const other = error && !error.fieldErrors?.targetId && !error.fieldErrors?.reason ? error.message : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" data-testid="move-token" disabled={!targets.length} title={targets.length ? undefined : t("noTargets")}>{t("action")}</Button>
      </DialogTrigger>
      <DialogContent title={t("title", { task: task.name })} description={t("hint")} closeLabel={tc("close")}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            run({ instanceId, taskId: task.id, targetId, reason, version }, () => setOpen(false));
          }}
        >
          {other ? <Alert>{other}</Alert> : null}
          <Field id="move-target" label={t("target")} error={fieldError("targetId")}>
            <Select id="move-target" value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-invalid={!!fieldError("targetId")}>
              <option value="">{t("pick")}</option>
              {targets.map((o) => (
                <option key={o.id} value={o.id}>{o.name === o.id ? o.id : `${o.name} (${o.id})`}</option>
              ))}
            </Select>
          </Field>
          <Field id="move-reason" label={t("reason")} error={fieldError("reason")}>
            <textarea id="move-reason" className="min-h-24 w-full rounded-md border border-slate-300 p-2 text-sm" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-invalid={!!fieldError("reason")} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{tc("cancel")}</Button>
            <Button type="submit" disabled={pending} data-testid="confirm-move">{t("confirm")}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
