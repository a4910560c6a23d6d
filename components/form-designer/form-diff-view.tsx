"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { DiffField, DiffValue, FormDiff, PropertyChange } from "@/lib/process-admin/forms/diff-form-versions";

/** The difference between two versions in words: fields by label, properties by name, values as text. */
export function FormDiffView({ from, to, diff, onClose }: { from: number; to: number; diff: FormDiff; onClose: () => void }) {
  const t = useTranslations("forms.diff");
  const tTypes = useTranslations("forms.fields.types");

  const typeName = (type: string) => (tTypes.has(type) ? tTypes(type) : type);
  const fieldName = (f: DiffField) => f.label ?? t("unnamed", { type: typeName(f.type) });
  const propName = (path: string) => {
    const key = `props.${path.replace(/\./g, "_")}`;
    if (t.has(key)) return t(key);
    const custom = /^properties\.(.+)$/.exec(path);
    return custom ? custom[1] : t("props.other");
  };
  const value = (v: DiffValue, path: string) => {
    switch (v.kind) {
      case "none":
        return t("value.none");
      case "bool":
        return v.value ? t("value.yes") : t("value.no");
      case "options":
        return v.labels.join("、");
      case "other":
        return t("value.other");
      default:
        return path === "type" ? typeName(v.value) : v.value;
    }
  };
  const changeList = (changes: PropertyChange[]) => (
    <ul className="ml-4 list-disc text-slate-600">
      {changes.map((c) => (
        <li key={c.path} data-prop={c.path}>
          {propName(c.path)}：<span className="text-red-700 line-through decoration-red-300">{value(c.from, c.path)}</span> → <span className="text-green-700">{value(c.to, c.path)}</span>
        </li>
      ))}
    </ul>
  );
  const field = (f: DiffField) => (
    <>
      <span className="font-medium text-slate-900">{fieldName(f)}</span>
      <span className="text-slate-500">（{typeName(f.type)}{f.key ? ` · ${f.key}` : ""}）</span>
    </>
  );
  const empty = !diff.form.length && !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.moved.length;

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="form-diff" aria-labelledby="form-diff-title">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 id="form-diff-title" className="font-semibold text-slate-800">{t("title", { from, to })}</h3>
        <Button variant="ghost" size="sm" onClick={onClose}>{t("close")}</Button>
      </div>
      {empty ? <p className="text-slate-500">{t("none")}</p> : null}
      <ul className="space-y-2">
        {diff.form.length ? (
          <li data-change="form">
            <span className="font-medium text-amber-700">{t("form")}</span>
            {changeList(diff.form)}
          </li>
        ) : null}
        {diff.added.map((f) => (
          <li key={`a-${f.id}`} data-change="added"><span className="font-medium text-green-700">{t("added")}</span> {field(f)}</li>
        ))}
        {diff.removed.map((f) => (
          <li key={`r-${f.id}`} data-change="removed"><span className="font-medium text-red-700">{t("removed")}</span> {field(f)}</li>
        ))}
        {diff.changed.map((f) => (
          <li key={`c-${f.id}`} data-change="changed">
            <span className="font-medium text-amber-700">{t("changed")}</span> {field(f)}
            {changeList(f.changes)}
          </li>
        ))}
        {diff.moved.map((f) => (
          <li key={`m-${f.id}`} data-change="moved"><span className="font-medium text-blue-700">{t("moved")}</span> {field(f)}</li>
        ))}
      </ul>
    </section>
  );
}
