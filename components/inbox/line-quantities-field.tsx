"use client";

import { useLocale, useTranslations } from "next-intl";
import { FieldError, Input } from "@/components/ui/input";
import type { FormField, LineRow } from "@/lib/workflow/forms";

/** The value of one row of a "lines" field: what the user typed, else what the row starts with (its quantity, or 0; a date field: the row's own date). */
export function lineValue(values: Record<string, string | boolean>, f: FormField, row: LineRow): string {
  const v = values[`${f.name}.${row.key}`];
  if (typeof v === "string") return v;
  if (f.rowInput === "date") return row.date ?? "";
  return String(f.rowStart === "zero" ? 0 : row.quantity);
}

/** Consecutive "lines" fields over the same rows are filled in one table (accepted and rejected side by side); this field continues the one before. */
export function continuesLines(fields: FormField[], i: number): boolean {
  const f = fields[i];
  const before = fields[i - 1];
  return f.type === "lines" && before?.type === "lines" && !!f.linesFrom && before.linesFrom === f.linesFrom;
}

/** The "lines" fields that start at `i` and share its rows. */
export function linesGroup(fields: FormField[], i: number): FormField[] {
  const group = [fields[i]];
  for (let j = i + 1; j < fields.length && continuesLines(fields, j); j++) group.push(fields[j]);
  return group;
}

type Props = {
  fields: FormField[];
  labels: string[];
  idPrefix: string;
  values: Record<string, string | boolean>;
  onChange: (name: string, value: string) => void;
  errors: Record<string, string | undefined>;
  disabled?: boolean;
};

/**
 * "lines" fields: one number per row and field (e.g. the confirmed quantity of each
 * order line; accepted and rejected per delivery-plan line) or one date (the proposed
 * delivery date of each order line), each row with its item,
 * its own quantity and unit. On a phone each row is a card with its inputs under it.
 */
export function LineQuantitiesField(props: Props) {
  const t = useTranslations("inbox");
  const zh = useLocale() === "zh-CN";
  const { fields, values, errors } = props;
  const first = fields[0];
  const rows: LineRow[] = first.rows ?? [];
  const unit = (r: LineRow) => (zh ? (r.unitZh ?? r.unit) : (r.unitEn ?? r.unit));
  const plain = (label: string) => label.replace(/ \*$/, "");
  const invalid = fields.some((f) => errors[f.name]);
  return (
    <fieldset className="sm:col-span-2" aria-invalid={invalid || undefined} data-testid={`field-${first.name}`} data-fields={fields.map((f) => f.name).join(" ")}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{props.labels.join(" / ")}</legend>
      <div className="rounded-md border border-slate-200">
        <table className="w-full text-sm max-sm:block">
          <thead className="bg-slate-50 text-left text-slate-600 max-sm:hidden">
            <tr>
              <th className="px-3 py-2 font-medium">{t("form.lineItem")}</th>
              <th className="whitespace-nowrap px-3 py-2 text-right font-medium">{t(first.rowQuantity === "planned" ? "form.linePlanned" : "form.lineQuantity")}</th>
              {fields.map((f, i) => (
                <th key={f.name} className={`${f.rowInput === "date" ? "w-44" : "w-32"} px-3 py-2 font-medium`}>{plain(props.labels[i])}</th>
              ))}
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-100 first:border-t-0 max-sm:flex max-sm:flex-wrap max-sm:gap-x-3 max-sm:px-3 max-sm:py-2" data-testid="line-row">
                <td className="px-3 py-2 max-sm:w-full max-sm:p-0 max-sm:font-medium">{r.label}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums max-sm:w-full max-sm:p-0 max-sm:text-left max-sm:text-slate-600">
                  <span className="sm:hidden">{t(first.rowQuantity === "planned" ? "form.linePlanned" : "form.lineQuantity")}：</span>
                  {r.quantity.toLocaleString(zh ? "zh-CN" : "en")} {unit(r)}
                </td>
                {fields.map((f, i) => {
                  const id = `${props.idPrefix}-${f.name}-${r.key}`;
                  const date = f.rowInput === "date";
                  return (
                    <td key={f.name} className={`px-3 py-1.5 max-sm:flex-1 max-sm:p-0 max-sm:pt-1${date ? " w-44" : ""}`}>
                      <label htmlFor={id} className="block">
                        <span className="sr-only">{`${r.label} · `}</span>
                        <span className="sr-only max-sm:not-sr-only max-sm:mb-0.5 max-sm:block max-sm:text-xs max-sm:text-slate-500">{plain(props.labels[i])}</span>
                      </label>
                      <Input
                        id={id}
                        data-field={f.name}
                        {...(date ? { type: "date" } : { type: "number", inputMode: "decimal" as const, step: "any", min: f.min ?? 0, max: f.rowMax ? r.quantity : f.max })}
                        className={date ? "tabular-nums" : "text-right tabular-nums"}
                        value={lineValue(values, f, r)}
                        disabled={props.disabled}
                        aria-invalid={errors[f.name] ? true : undefined}
                        onChange={(e) => props.onChange(`${f.name}.${r.key}`, e.target.value)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fields.map((f) => (
        <FieldError key={f.name} message={errors[f.name]} />
      ))}
    </fieldset>
  );
}
