"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createImportAction, prepareImportAction } from "@/app/(workbench)/crm/customers/import/actions";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ImportFileButton } from "@/components/ui/import-file-button";
import type { ImportFieldView } from "@/lib/imports/import-view";
import type { ImportRunView } from "@/lib/imports/import-run";
import { ImportMapping } from "./import-mapping";
import { ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { useImportText } from "./use-import-text";

const STEPS = ["upload", "map", "preview", "run"] as const;

/** The import's four steps (customers or leads, the same importer); the server's view of the run (after each step, router.refresh) decides which one shows. */
export function CustomerImport({ target = "customer", basePath = "/crm/customers/import", backHref = "/crm/customers", initial, fields, maxMb }: { target?: "customer" | "lead"; basePath?: string; backHref?: string; initial: ImportRunView | null; fields: ImportFieldView[]; maxMb: number }) {
  const t = useImportText(target);
  const te = useTranslations("errors");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [remap, setRemap] = useState(false);
  const run = initial;
  const step = !run || !run.headers.length ? "upload" : run.status === "draft" ? (run.total && !remap ? "preview" : "map") : "run";

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      const made = await createImportAction({ target });
      if (!made.ok) throw new Error(made.error.message);
      const body = new FormData();
      body.set("ownerType", "ImportRun");
      body.set("ownerId", made.data.id);
      body.set("file", file);
      const res = await fetch("/api/files", { method: "POST", body });
      const json = (await res.json().catch(() => null)) as { file?: { id: string }; error?: { message?: string } } | null;
      if (!res.ok || !json?.file) throw new Error(json?.error?.message ?? te("internal"));
      const prepared = await prepareImportAction({ target, runId: made.data.id, fileId: json.file.id });
      if (!prepared.ok) throw new Error(prepared.error.fieldErrors?.file ?? prepared.error.message);
      router.replace(`${basePath}?run=${made.data.id}`);
    } catch (e) {
      setError(t("upload.failed", { message: e instanceof Error ? e.message : te("internal") }));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t("title")}>
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? "rounded-full bg-brand-600 px-3 py-1 text-white" : "rounded-full bg-slate-100 px-3 py-1 text-slate-600"} aria-current={s === step ? "step" : undefined}>
            {i + 1}. {t(`steps.${s}`)}
          </li>
        ))}
      </ol>
      {step === "upload" ? (
        <Card className="space-y-3">
          <p className="text-sm text-slate-600">{t("upload.hint", { maxMb })}</p>
          <ImportFileButton label={t("upload.choose")} accept=".xlsx,.csv" disabled={busy} testId="import-file" onFile={upload} />
          {busy ? <p role="status" className="text-sm text-slate-600">{t("upload.uploading")}</p> : null}
          {error ? <Alert>{error}</Alert> : null}
        </Card>
      ) : null}
      {run && step === "map" ? <ImportMapping run={run} fields={fields} onDone={() => { setRemap(false); router.refresh(); }} /> : null}
      {run && step === "preview" ? <ImportPreview run={run} fields={fields} onRemap={() => setRemap(true)} onStarted={() => router.refresh()} /> : null}
      {run && step === "run" ? <ImportProgress run={run} basePath={basePath} backHref={backHref} /> : null}
    </div>
  );
}
