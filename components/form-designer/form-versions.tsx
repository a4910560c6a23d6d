"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { diffFormAction, exportFormAction } from "@/app/(workbench)/processes/forms/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { ListTable, Td } from "@/components/ui/table";
import type { FormDiff } from "@/lib/process-admin/forms/diff-form-versions";
import type { FormVersionRow } from "@/lib/process-admin/forms/list-form-versions";
import { downloadText, refusalText } from "./download";
import { FormDiffView } from "./form-diff-view";

const SOURCES = new Set(["shipped", "editor", "import"]);

/** A form's published versions: export one as a .form file, compare two field by field. */
export function FormVersions({ formKey, versions }: { formKey: string; versions: FormVersionRow[] }) {
  const t = useTranslations("forms");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version ?? 1);
  const [to, setTo] = useState(versions[0]?.version ?? 1);
  const [diff, setDiff] = useState<{ from: number; to: number; diff: FormDiff } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportVersion(version: number) {
    setError(null);
    const res = await exportFormAction({ key: formKey, version }).catch(() => null);
    if (!res) return setError(tErrors("internal"));
    if (!res.ok) return setError(refusalText(res.error));
    downloadText(res.data.fileName, res.data.text);
  }

  async function compare(a: number, b: number) {
    setError(null);
    const res = await diffFormAction({ key: formKey, from: a, to: b }).catch(() => null);
    if (!res) return setError(tErrors("internal"));
    if (!res.ok) return setError(refusalText(res.error));
    setDiff(res.data);
  }

  return (
    <section aria-labelledby="form-versions-title" className="space-y-3">
      <h2 id="form-versions-title" className="text-base font-semibold text-slate-900">{t("versions.title")}</h2>
      <ListTable
        testId="form-versions"
        cards
        columns={[t("versions.version"), t("versions.publishedAt"), t("versions.publishedBy"), t("versions.source"), t("versions.actions")].map((label) => ({ label }))}
        empty={t("versions.empty")}
        isEmpty={versions.length === 0}
      >
        {versions.map((v, i) => (
          <tr key={v.version} data-version={v.version}>
            <Td className="whitespace-nowrap font-medium">
              <span>
                v{v.version}
                {i === 0 ? <Badge className="ml-2 bg-green-100 text-green-800">{t("versions.current")}</Badge> : null}
              </span>
            </Td>
            <Td label={t("versions.publishedAt")} className="whitespace-nowrap text-xs">{format.dateTime(new Date(v.publishedAt), { dateStyle: "short", timeStyle: "short" })}</Td>
            <Td label={t("versions.publishedBy")}>{v.publishedBy ?? t("versions.system")}</Td>
            <Td label={t("versions.source")}>{t(`list.source.${SOURCES.has(v.source) ? (v.source as "shipped") : "editor"}`)}</Td>
            <Td label={t("versions.actions")}>
              <div className="flex flex-wrap gap-1">
                <Button variant="ghost" size="sm" onClick={() => exportVersion(v.version)} data-testid="version-export">{t("versions.export")}</Button>
                {versions[i + 1] ? (
                  <Button variant="ghost" size="sm" onClick={() => compare(versions[i + 1].version, v.version)} data-testid="version-compare-previous">{t("versions.comparePrevious")}</Button>
                ) : null}
              </div>
            </Td>
          </tr>
        ))}
      </ListTable>

      {versions.length > 1 ? (
        <form
          className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void compare(from, to);
          }}
        >
          <div>
            <Label htmlFor="form-diff-from">{t("versions.compareFrom")}</Label>
            <Select id="form-diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))} className="w-28">
              {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
            </Select>
          </div>
          <div>
            <Label htmlFor="form-diff-to">{t("versions.compareTo")}</Label>
            <Select id="form-diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))} className="w-28">
              {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
            </Select>
          </div>
          <Button type="submit" variant="secondary">{t("versions.compare")}</Button>
        </form>
      ) : null}

      {error ? <Alert>{error}</Alert> : null}
      {diff ? <FormDiffView {...diff} onClose={() => setDiff(null)} /> : null}
    </section>
  );
}
