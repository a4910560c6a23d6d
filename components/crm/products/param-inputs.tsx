"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ParamDef } from "@/lib/crm/products/param-defs";

/** Inputs for a category's technical parameters (text, number with unit, select), each with its error. */
export function ParamInputs({ idPrefix, defs, values, onChange, error }: { idPrefix: string; defs: ParamDef[]; values: Record<string, string>; onChange: (key: string, value: string) => void; error: (key: string) => string | undefined }) {
  const t = useTranslations("products");
  const en = useLocale() === "en";
  if (!defs.length) return null;
  return (
    <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="param-inputs">
      {defs.map((d) => {
        const id = `${idPrefix}-${d.key}`;
        const label = `${en ? d.labelEn : d.labelZh}${d.unit ? `（${d.unit}）` : ""}${d.required ? " *" : ""}`;
        return (
          <Field key={d.key} id={id} label={label} error={error(d.key)}>
            {d.type === "select" ? (
              <Select id={id} value={values[d.key] ?? ""} onChange={(e) => onChange(d.key, e.target.value)} data-param={d.key}>
                <option value="">{t("choose")}</option>
                {d.options.map((o) => <option key={o.value} value={o.value}>{en ? o.labelEn : o.labelZh}</option>)}
              </Select>
            ) : (
              <Input id={id} value={values[d.key] ?? ""} onChange={(e) => onChange(d.key, e.target.value)} inputMode={d.type === "number" ? "decimal" : undefined} maxLength={200} autoComplete="off" data-param={d.key} />
            )}
          </Field>
        );
      })}
    </div>
  );
}
