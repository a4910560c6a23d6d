"use client";

import { useState } from "react";
import { previewImportAction } from "@/app/(workbench)/crm/customers/import/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Select } from "@/components/ui/input";
import type { ImportRunView } from "@/lib/imports/import-run";
import type { ImportFieldView } from "@/lib/imports/import-view";
import { useImportText } from "./use-import-text";

/** Step 2: a column of the file for each field of the record, as remembered or guessed; then the whole file is checked. */
export function ImportMapping({ run, fields, onDone }: { run: ImportRunView; fields: ImportFieldView[]; onDone: () => void }) {
  const t = useImportText(run.target);
  const [mapping, setMapping] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(run.mapping).map(([k, v]) => [k, String(v)])));
  const check = useAction(previewImportAction);
  const fieldError = check.fieldError;
  return (
    <Card className="space-y-3" data-testid="import-mapping">
      <h2 className="font-medium">{t("map.title")}</h2>
      <p className="text-sm text-slate-600">
        {t("map.file", { name: run.fileName })}
        {run.encoding ? <span className="ml-3">{t("map.encoding", { encoding: t(`encodings.${run.encoding}` as never) })}</span> : null}
      </p>
      <p className="text-sm text-slate-600">{run.remembered ? t("map.remembered") : t("map.guessed")} {t("map.hint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => (
          <div key={f.key}>
            <label htmlFor={`map-${f.key}`} className="mb-1 block text-sm font-medium text-slate-700">
              {t(`fields.${f.key}` as never)}
              {f.required ? <span className="ml-1 text-xs text-red-600">（{t("map.required")}）</span> : null}
            </label>
            <Select id={`map-${f.key}`} data-testid={`map-${f.key}`} value={mapping[f.key] ?? ""} onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value })} aria-invalid={!!fieldError(f.key)}>
              <option value="">{t("map.none")}</option>
              {run.headers.map((h, i) => (
                <option key={i} value={String(i)}>{h}</option>
              ))}
            </Select>
            <FieldError message={fieldError(f.key)} />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" data-testid="import-check" disabled={check.pending} onClick={() => check.run({ target: run.target as "customer" | "lead", runId: run.id, mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== "")) }, onDone)}>
          {t("map.check")}
        </Button>
        {check.pending ? <span role="status" className="text-sm text-slate-600">…</span> : null}
        {check.error && !check.error.fieldErrors ? <Alert>{check.error.message}</Alert> : null}
      </div>
    </Card>
  );
}
