"use client";

import { useTranslations } from "next-intl";
import { FieldError, Input } from "@/components/ui/input";
import type { FormField } from "@/lib/workflow/forms";

/** The value of one row of a "lines" field: what the user typed, else what the row starts with (its quantity, or 0). */
export function lineValue(values: Record<string, string | boolean>, f: FormField, key: string, quantity: number): string {
  const v = values[`${f.name}.${key}`];
  return typeof v === "string" ? v : String(f.rowStart === "zero" ? 0 : quantity);
}

/** A "lines" field: one number per row (e.g. the confirmed quantity of each order line), prefilled with the row's quantity. */
export function LineQuantitiesField(props: {
  field: FormField;
  label: string;
  idPrefix: string;
  values: Record<string, string | boolean>;
  onChange: (name: string, value: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("inbox");
  const { field: f, values, error } = props;
  const rows = f.rows ?? [];
  return (
    <fieldset className="sm:col-span-2" aria-invalid={error ? true : undefined} data-testid={`field-${f.name}`}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{props.label}</legend>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">{t("form.lineItem")}</th>
              <th className="whitespace-nowrap px-3 py-2 text-right font-medium">{t("form.lineQuantity")}</th>
              <th className="w-36 px-3 py-2 font-medium">{props.label.replace(/ \*$/, "")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `${props.idPrefix}-${f.name}-${r.key}`;
              return (
                <tr key={r.key} className="border-t border-slate-100" data-testid="line-row">
                  <td className="px-3 py-2">
                    <label htmlFor={id}>{r.label}</label>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {r.quantity.toLocaleString()} {r.unit}
                  </td>
                  <td className="px-3 py-1.5">
                    <Input
                      id={id}
                      type="number"
                      inputMode="decimal"
                      step="any"
                      min={f.min ?? 0}
                      max={f.rowMax ? r.quantity : f.max}
                      className="text-right tabular-nums"
                      value={lineValue(values, f, r.key, r.quantity)}
                      disabled={props.disabled}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => props.onChange(`${f.name}.${r.key}`, e.target.value)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}
