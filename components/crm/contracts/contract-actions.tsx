"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { cancelContractAction, signContractAction, startContractApprovalAction } from "@/app/(workbench)/crm/contracts/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CancelWithReason } from "../cancel-with-reason";

/** The scan goes to the file store as the contract's attachment first; signing names it. */
async function uploadScan(contractId: string, file: File): Promise<{ id: string } | { error: string }> {
  const body = new FormData();
  body.set("ownerType", "SalesContract");
  body.set("ownerId", contractId);
  body.set("file", file);
  const res = await fetch("/api/files", { method: "POST", body });
  const json = (await res.json().catch(() => null)) as { file?: { id: string }; error?: { message?: string } } | null;
  return res.ok && json?.file ? { id: json.file.id } : { error: json?.error?.message ?? "" };
}

/** Submit a draft for approval; mark an approved contract signed, with the signed scan if there is one; cancel one not yet signed, with a reason. */
export function ContractActions({ id, status }: { id: string; status: string }) {
  const t = useTranslations("contracts.actions");
  const submit = useAction(startContractApprovalAction);
  const sign = useAction(signContractAction);
  const cancel = useAction(cancelContractAction);
  const [scan, setScan] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const error = submit.error ?? sign.error;
  return (
    <div className="space-y-2 text-sm">
      {status === "draft" ? (
        <Button type="button" size="sm" disabled={submit.pending} onClick={() => submit.run({ id })} data-testid="contract-submit">{t("submit")}</Button>
      ) : null}
      {status === "approved" ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            setUploadError(null);
            setBusy(true);
            const up = scan ? await uploadScan(id, scan) : null;
            setBusy(false);
            if (up && "error" in up) return setUploadError(up.error || t("uploadFailed"));
            sign.run({ id, scanFileId: up?.id ?? null });
          }}
        >
          <label className="text-slate-600">
            {t("scan")}
            <input type="file" accept="application/pdf,image/*" className="ml-2" onChange={(e) => setScan(e.target.files?.[0] ?? null)} data-testid="contract-scan" />
          </label>
          <Button type="submit" size="sm" disabled={busy || sign.pending} data-testid="contract-sign">{t("sign")}</Button>
        </form>
      ) : null}
      {status === "draft" || status === "in_review" || status === "approved" ? (
        <CancelWithReason
          testId="contract-cancel"
          labels={{ open: t("cancel"), field: t("cancelReason"), hint: t("cancelReasonHint"), confirm: t("cancelConfirm"), keep: t("cancelKeep") }}
          pending={cancel.pending}
          error={cancel.error}
          onConfirm={(reason, close) => cancel.run({ id, reason }, close)}
          onReset={cancel.reset}
        />
      ) : null}
      {uploadError ? <Alert>{uploadError}</Alert> : null}
      {error ? <Alert>{error.message}</Alert> : null}
    </div>
  );
}
