"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { startReReviewAction } from "@/app/(workbench)/srm/suppliers/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { OneTimePassword } from "@/components/ui/one-time-password";

/**
 * SRM-3, for a potential supplier: its portal account (created closed) and the
 * start of the re-review. The initial password is shown here once, while the
 * archive around it already shows the new account and the running re-review
 * (`running`: then there is nothing to start). `documents` is how many documents
 * are on file: an upload clears a "documents missing" refusal.
 */
export function StartReReviewForm({ supplierId, defaults, running, documents }: { supplierId: string; defaults: { username: string; name: string }; running: boolean; documents: number }) {
  const t = useTranslations("srm.reReview");
  const start = useAction(startReReviewAction);
  const err = start.fieldError;
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [documentsSeen, setDocumentsSeen] = useState(documents);
  if (documents !== documentsSeen) {
    setDocumentsSeen(documents);
    if (start.error?.code === "supplier_documents_missing") start.reset();
  }
  if (created) {
    return <OneTimePassword heading={t("started", { username: created.username })} label={t("password")} password={created.password} once={t("passwordOnce")} noted={t("noted")} onNoted={() => setCreated(null)} />;
  }
  if (running) return null;
  return (
    <Card data-testid="start-re-review">
      <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <form
        className="grid gap-3 sm:grid-cols-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start.run({ ...Object.fromEntries(new FormData(e.currentTarget)), supplierId }, setCreated);
        }}
      >
        <Field id="rr-username" label={t("username")} error={err("username")}>
          <Input id="rr-username" name="username" defaultValue={defaults.username} maxLength={60} autoComplete="off" aria-invalid={!!err("username")} />
        </Field>
        <Field id="rr-name" label={t("name")} error={err("name")}>
          <Input id="rr-name" name="name" defaultValue={defaults.name} maxLength={100} aria-invalid={!!err("name")} />
        </Field>
        <Field id="rr-email" label={t("email")} error={err("email")}>
          <Input id="rr-email" name="email" type="email" maxLength={200} aria-invalid={!!err("email")} />
        </Field>
        {start.error ? <div className="sm:col-span-3"><Alert>{start.error.message}</Alert></div> : null}
        <div className="sm:col-span-3">
          <Button type="submit" size="sm" disabled={start.pending} data-testid="start-re-review-button">{t("submit")}</Button>
        </div>
      </form>
    </Card>
  );
}
