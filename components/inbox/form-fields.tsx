"use client";

import { unaryTest } from "feelin";
import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { FieldError, Input, Select } from "@/components/ui/input";
import type { SupplierPick } from "@/lib/inbox/list-pickers";
import type { MemberPick } from "@/lib/org/department-members";
import type { FormDefinition, FormField } from "@/lib/workflow/forms";
import { continuesLines, LineQuantitiesField, linesGroup, lineValue } from "./line-quantities-field";
import { lotData, LotTableField } from "./lot-table-field";

export type FormValues = Record<string, string | boolean>;

/** Decision fields come with their options filled in by the server (lib/inbox/client-form.ts). */
function optionsOf(f: FormField) {
  return f.options ?? [];
}

/** A checklist's ticked values, kept as one string in the form's state. */
const SEP = "\u001f";
const ticked = (v: string | boolean | undefined) => (typeof v === "string" && v ? v.split(SEP) : []);

/**
 * The fields hidden by their condition for what is filled in now, tested as form-js
 * and the server test it (FEEL unary test). A convenience: the server decides again.
 */
function hiddenFields(form: FormDefinition | null, values: FormValues): Set<string> {
  const hidden = new Set<string>();
  if (!form?.fields.some((f) => f.hideIf)) return hidden;
  const scope: Record<string, unknown> = {};
  for (const f of form.fields) {
    const v = values[f.name];
    if (v === undefined || v === "") continue;
    scope[f.name] = f.type === "number" && typeof v === "string" && Number.isFinite(Number(v)) ? Number(v) : f.type === "checklist" ? ticked(v) : v;
  }
  for (const f of form.fields) {
    if (!f.hideIf) continue;
    let hide = false;
    try {
      hide = unaryTest(f.hideIf, scope).value === true;
    } catch {
      hide = false;
    }
    if (hide) {
      hidden.add(f.name);
      delete scope[f.name];
    }
  }
  return hidden;
}

/** What the server gets: empty and hidden fields left out (so "required" means required), booleans as booleans. */
export function formData(form: FormDefinition | null, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const hidden = hiddenFields(form, values);
  for (const f of form?.fields ?? []) {
    const v = values[f.name];
    if (hidden.has(f.name)) continue;
    if (f.type === "boolean") out[f.name] = v === true;
    else if (f.type === "checklist") out[f.name] = ticked(v);
    // A row left without a date is left out: the server names the field incomplete.
    else if (f.type === "lines") out[f.name] = Object.fromEntries((f.rows ?? []).map((r) => [r.key, lineValue(values, f, r)]).filter(([, v]) => v !== ""));
    else if (f.type === "lots") {
      const lots = lotData(f, v);
      if (lots !== undefined) out[f.name] = lots;
    }
    else if (typeof v === "string" && v.trim() !== "") out[f.name] = v;
  }
  return out;
}

export const textareaClass =
  "block min-h-24 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** The fields of a registered form, labelled in the user's language; decisions as radio buttons. */
export function FormFields(props: {
  form: FormDefinition;
  idPrefix: string;
  values: FormValues;
  onChange: (name: string, value: string | boolean) => void;
  errors?: Record<string, string>;
  suppliers?: SupplierPick[];
  /** The people of the departments the user heads, for "member" fields. */
  members?: MemberPick[];
  disabled?: boolean;
}) {
  const t = useTranslations("inbox");
  const zh = useLocale() === "zh-CN";
  const { form, values, onChange, errors = {} } = props;
  const hidden = hiddenFields(form, values);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {form.fields.map((f, i) => {
        if (hidden.has(f.name)) return null;
        const id = `${props.idPrefix}-${f.name}`;
        const label = `${zh ? f.labelZh : f.labelEn}${f.required ? " *" : ""}`;
        const error = errors[f.name];
        const value = values[f.name];
        const str = typeof value === "string" ? value : "";
        const common = { id, name: f.name, disabled: props.disabled, "aria-invalid": error ? true : undefined, "aria-required": f.required || undefined };
        const wide = f.type === "textarea" || f.type === "decision" || f.widget === "radio";
        if (f.type === "checklist") {
          const on = ticked(value);
          return (
            <fieldset key={f.name} className="sm:col-span-2" aria-invalid={error ? true : undefined} data-testid={`field-${f.name}`}>
              <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {optionsOf(f).map((o) => (
                  <label key={o.value} className="flex min-h-10 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-brand-600"
                      name={f.name}
                      value={o.value}
                      checked={on.includes(o.value)}
                      disabled={props.disabled}
                      onChange={(e) => onChange(f.name, (e.target.checked ? [...on, o.value] : on.filter((x) => x !== o.value)).join(SEP))}
                    />
                    {zh ? o.labelZh : o.labelEn}
                  </label>
                ))}
              </div>
              <FieldError message={error} />
            </fieldset>
          );
        }
        if (f.type === "decision" || f.widget === "radio") {
          return (
            <fieldset key={f.name} className="sm:col-span-2" aria-invalid={error ? true : undefined} data-testid={`field-${f.name}`}>
              <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
              <div className="flex flex-wrap gap-2">
                {optionsOf(f).map((o) => (
                  <label
                    key={o.value}
                    className={cn(
                      "flex min-h-10 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm",
                      str === o.value ? (o.value === "reject" ? "border-red-500 bg-red-50" : "border-brand-600 bg-brand-50") : "border-slate-300 bg-white hover:bg-slate-50",
                    )}
                  >
                    <input type="radio" className="h-4 w-4 accent-brand-600" name={f.name} value={o.value} checked={str === o.value} disabled={props.disabled} onChange={() => onChange(f.name, o.value)} />
                    {zh ? o.labelZh : o.labelEn}
                  </label>
                ))}
              </div>
              <FieldError message={error} />
            </fieldset>
          );
        }
        if (f.type === "lines") {
          if (continuesLines(form.fields, i)) return null;
          const group = linesGroup(form.fields, i);
          const labels = group.map((g) => `${zh ? g.labelZh : g.labelEn}${g.required ? " *" : ""}`);
          return <LineQuantitiesField key={f.name} fields={group} labels={labels} idPrefix={props.idPrefix} values={values} onChange={onChange} errors={errors} disabled={props.disabled} />;
        }
        if (f.type === "lots") {
          return <LotTableField key={f.name} field={f} label={label} idPrefix={props.idPrefix} raw={value} onChange={(v) => onChange(f.name, v)} error={error} disabled={props.disabled} />;
        }
        if (f.type === "boolean") {
          return (
            <div key={f.name} className="sm:col-span-2">
              <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
                <input type="checkbox" className="h-4 w-4 accent-brand-600" {...common} checked={value === true} onChange={(e) => onChange(f.name, e.target.checked)} />
                {label}
              </label>
              <FieldError message={error} />
            </div>
          );
        }
        let control: React.ReactNode;
        if (f.type === "textarea") {
          control = <textarea {...common} className={textareaClass} value={str} maxLength={Math.min(f.maxLength ?? 4000, 4000)} onChange={(e) => onChange(f.name, e.target.value)} />;
        } else if (f.type === "select" || f.type === "supplier" || f.type === "member") {
          const opts =
            f.type === "supplier" ? (props.suppliers ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))
            : f.type === "member" ? (props.members ?? []).map((m) => ({ value: m.id, label: [m.name, zh ? m.departmentZh : m.departmentEn].filter(Boolean).join(" · ") }))
            : optionsOf(f).map((o) => ({ value: o.value, label: zh ? o.labelZh : o.labelEn }));
          control = (
            <Select {...common} value={str} onChange={(e) => onChange(f.name, e.target.value)}>
              <option value="">{f.type === "supplier" ? t("start.chooseSupplier") : f.type === "member" ? t("form.chooseMember") : t("form.choose")}</option>
              {opts.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </Select>
          );
        } else {
          const type = f.type === "number" ? "number" : f.type === "date" ? "date" : "text";
          control = (
            <Input
              {...common}
              type={type}
              value={str}
              min={f.min}
              max={f.max}
              step={f.type === "number" ? "any" : undefined}
              inputMode={f.type === "number" ? "decimal" : undefined}
              minLength={f.minLength}
              maxLength={f.type === "text" ? Math.min(f.maxLength ?? 200, 200) : undefined}
              onChange={(e) => onChange(f.name, e.target.value)}
            />
          );
        }
        return (
          <div key={f.name} className={cn(wide && "sm:col-span-2")} data-testid={`field-${f.name}`}>
            <Field id={id} label={label} error={error}>
              {control}
            </Field>
          </div>
        );
      })}
    </div>
  );
}
