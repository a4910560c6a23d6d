"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveProductCategoryAction } from "@/app/(workbench)/admin/product-categories/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PARAM_TYPES, type ParamDef } from "@/lib/crm/products/param-defs";

type Row = { key: string; labelZh: string; labelEn: string; type: string; unit: string; required: boolean; options: string };
export type CategoryValue = { id: string | null; code: string; nameZh: string; nameEn: string; sortOrder: number; active: boolean; paramDefs: ParamDef[] };

const toRow = (d: ParamDef): Row => ({ key: d.key, labelZh: d.labelZh, labelEn: d.labelEn, type: d.type, unit: d.unit ?? "", required: d.required, options: d.options.map((o) => `${o.value}|${o.labelZh}|${o.labelEn}`).join("\n") });
/** Options typed one per line as "value|中文|English" (a missing English label repeats the value). */
const toDef = (r: Row) => ({
  key: r.key,
  labelZh: r.labelZh,
  labelEn: r.labelEn,
  type: r.type,
  unit: r.unit,
  required: r.required,
  options: r.type === "select" ? r.options.split("\n").map((l) => l.trim()).filter(Boolean).map((l) => { const [value, zh, en] = l.split("|").map((x) => x.trim()); return { value, labelZh: zh || value, labelEn: en || value }; }) : [],
});

/** A category of the product library with its parameter definitions (new when id is null). */
export function ProductCategoryForm({ value, onDone }: { value: CategoryValue; onDone?: () => void }) {
  const t = useTranslations("products.admin");
  const save = useAction(saveProductCategoryAction);
  const [rows, setRows] = useState<Row[]>(value.paramDefs.map(toRow));
  const [done, setDone] = useState(false);
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      className="space-y-3"
      data-testid="product-category-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        setDone(false);
        save.run({ id: value.id, code: f.get("code"), nameZh: f.get("nameZh"), nameEn: f.get("nameEn"), sortOrder: f.get("sortOrder"), active: f.get("active") === "on", paramDefs: rows.map(toDef) }, () => {
          setDone(true);
          if (!value.id) setRows([]);
          onDone?.();
        });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-4">
        <Field id={`c-code-${value.id}`} label={t("code")} error={save.fieldError("code")}><Input id={`c-code-${value.id}`} name="code" defaultValue={value.code} maxLength={30} autoComplete="off" /></Field>
        <Field id={`c-zh-${value.id}`} label={t("nameZh")} error={save.fieldError("nameZh")}><Input id={`c-zh-${value.id}`} name="nameZh" defaultValue={value.nameZh} maxLength={40} autoComplete="off" /></Field>
        <Field id={`c-en-${value.id}`} label={t("nameEn")} error={save.fieldError("nameEn")}><Input id={`c-en-${value.id}`} name="nameEn" defaultValue={value.nameEn} maxLength={60} autoComplete="off" /></Field>
        <Field id={`c-order-${value.id}`} label={t("sortOrder")} error={save.fieldError("sortOrder")}><Input id={`c-order-${value.id}`} name="sortOrder" defaultValue={String(value.sortOrder)} inputMode="numeric" maxLength={4} /></Field>
      </div>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="active" defaultChecked={value.active} /> {t("active")}</label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("params")}</legend>
        {rows.map((r, i) => (
          <div key={i} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-6" data-testid="param-def">
            <Field id={`d${value.id}-${i}-key`} label={t("paramKey")}><Input id={`d${value.id}-${i}-key`} value={r.key} onChange={(e) => set(i, { key: e.target.value })} maxLength={40} autoComplete="off" /></Field>
            <Field id={`d${value.id}-${i}-zh`} label={t("labelZh")}><Input id={`d${value.id}-${i}-zh`} value={r.labelZh} onChange={(e) => set(i, { labelZh: e.target.value })} maxLength={40} /></Field>
            <Field id={`d${value.id}-${i}-en`} label={t("labelEn")}><Input id={`d${value.id}-${i}-en`} value={r.labelEn} onChange={(e) => set(i, { labelEn: e.target.value })} maxLength={60} /></Field>
            <Field id={`d${value.id}-${i}-type`} label={t("type")}>
              <Select id={`d${value.id}-${i}-type`} value={r.type} onChange={(e) => set(i, { type: e.target.value })}>
                {PARAM_TYPES.map((x) => <option key={x} value={x}>{t(`types.${x}`)}</option>)}
              </Select>
            </Field>
            <Field id={`d${value.id}-${i}-unit`} label={t("unit")}><Input id={`d${value.id}-${i}-unit`} value={r.unit} onChange={(e) => set(i, { unit: e.target.value })} maxLength={20} /></Field>
            <div className="flex items-end justify-between gap-2">
              <label className="flex items-center gap-1 text-sm"><input type="checkbox" checked={r.required} onChange={(e) => set(i, { required: e.target.checked })} /> {t("required")}</label>
              <Button type="button" size="sm" variant="ghost" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={t("removeParam")}><Trash2 className="h-4 w-4" aria-hidden /></Button>
            </div>
            {r.type === "select" ? (
              <div className="sm:col-span-6">
                <Field id={`d${value.id}-${i}-opts`} label={t("options")} hint={t("optionsHint")}>
                  <textarea id={`d${value.id}-${i}-opts`} value={r.options} onChange={(e) => set(i, { options: e.target.value })} rows={3} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
                </Field>
              </div>
            ) : null}
          </div>
        ))}
        <Button type="button" size="sm" variant="secondary" onClick={() => setRows((rs) => [...rs, { key: "", labelZh: "", labelEn: "", type: "text", unit: "", required: false, options: "" }])}>{t("addParam")}</Button>
      </fieldset>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={save.pending} data-testid="product-category-save">{t("save")}</Button>
        {done ? <span role="status" className="text-sm text-green-700">{t("saved")}</span> : null}
      </div>
      {save.error ? <Alert>{save.fieldError("paramDefs") ?? save.error.message}</Alert> : null}
    </form>
  );
}
