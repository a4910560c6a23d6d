"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { startImportAction } from "@/app/(workbench)/crm/customers/import/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { ListTable, Td } from "@/components/ui/table";
import { DUPLICATE_DECISIONS, problemText } from "@/lib/imports/import-view";
import type { RowProblem } from "@/lib/imports/import-target";
import type { ImportRunView } from "@/lib/imports/import-run";
import type { ImportFieldView } from "@/lib/imports/import-view";
import { useImportText } from "./use-import-text";

/** A row's problems in the reader's language, each after its field's name. */
function useProblemText() {
  const t = useTranslations();
  return (problems: RowProblem[]) => problemText(problems, (field) => t(`crmImport.fields.${field}` as never), (key, params) => t(key as never, params as never));
}

/** Step 3: the first rows with their check, the duplicate groups with a decision each (skip by default), then start. */
export function ImportPreview({ run, fields, onRemap, onStarted }: { run: ImportRunView; fields: ImportFieldView[]; onRemap: () => void; onStarted: () => void }) {
  const t = useImportText(run.target);
  const problemText = useProblemText();
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const start = useAction(startImportAction);
  const shown = fields.filter((f) => f.key in run.mapping);
  return (
    <div className="space-y-4">
      <Card className="space-y-3">
        <h2 className="font-medium">{t("preview.title")}</h2>
        <p className="text-sm text-slate-700" data-testid="import-summary">{t("preview.summary", { total: run.total, invalid: run.invalid })}</p>
        <h3 className="text-sm font-medium text-slate-700">{t("preview.firstRows", { count: run.preview.length })}</h3>
        <ListTable testId="import-preview" cards isEmpty={!run.preview.length} empty={t("preview.noGroups")} columns={[{ label: t("preview.row") }, ...shown.map((f) => ({ label: t(`fields.${f.key}` as never) })), { label: t("preview.check") }]}>
          {run.preview.map((r) => (
            <tr key={r.rowNumber} data-testid="preview-row" data-row={r.rowNumber}>
              <Td label={t("preview.row")}>{r.rowNumber}</Td>
              {shown.map((f) => <Td key={f.key} label={t(`fields.${f.key}` as never)} className="md:max-w-48 md:truncate">{r.raw[f.key]}</Td>)}
              <Td label={t("preview.check")} className={r.problems.length ? "text-red-700" : r.group ? "text-amber-700" : "text-green-700"} data-testid="preview-check">
                {r.problems.length ? problemText(r.problems) : r.group ? t("preview.inGroup") : t("preview.ok")}
              </Td>
            </tr>
          ))}
        </ListTable>
      </Card>
      <Card className="space-y-3">
        <h2 className="font-medium">{t("preview.groups")}</h2>
        {run.groups.length ? <p className="text-sm text-slate-600">{t("preview.groupsHint")}</p> : <p className="text-sm text-slate-600">{t("preview.noGroups")}</p>}
        <ul className="divide-y divide-slate-100">
          {run.groups.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-2" data-testid="import-group" data-label={g.label}>
              <div className="min-w-0 text-sm">
                <div className="font-medium text-slate-900">{g.label}</div>
                <div className="text-slate-600">
                  {t("preview.rows", { rows: g.rows.join("、") })}
                  {g.rowCount > g.rows.length ? ` ${t("preview.moreRows", { count: g.rowCount - g.rows.length })}` : null}
                  {" · "}
                  {g.existing ? t("preview.existing", { code: g.existing.code, name: g.existing.name }) : t("preview.inFile", { row: g.id })}
                </div>
              </div>
              <Select className="w-auto" aria-label={t("preview.decision")} data-testid="group-decision" value={decisions[g.id] ?? "skip"} onChange={(e) => setDecisions({ ...decisions, [g.id]: e.target.value })}>
                {DUPLICATE_DECISIONS.map((d) => <option key={d} value={d}>{t(`decisions.${d}`)}</option>)}
              </Select>
            </li>
          ))}
        </ul>
        {run.groupCount > run.groups.length ? <p className="text-sm text-slate-600">{t("preview.moreGroups", { count: run.groupCount - run.groups.length })}</p> : null}
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button data-testid="import-start" disabled={start.pending} onClick={() => start.run({ target: run.target as "customer" | "lead", runId: run.id, decisions }, onStarted)}>{t("preview.start")}</Button>
        <Button variant="secondary" onClick={onRemap} disabled={start.pending}>{t("preview.remap")}</Button>
        {start.error ? <Alert>{start.error.message}</Alert> : null}
      </div>
    </div>
  );
}
