"use client";

import { useLocale, useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { TEXT_MAX, TEXTAREA_MAX, type CustomFieldDef, type CustomValues } from "@/lib/custom-fields/custom-fields.schema";
import { fieldLabel } from "@/lib/custom-fields/format-custom-values";

const PREFIX = "custom.";

/** The custom values of a form's fields named `custom.<key>`, as the server expects them (`custom`, by key). */
export function readCustomForm(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (name.startsWith(PREFIX) && typeof value === "string") out[name.slice(PREFIX.length)] = value;
  return out;
}

/** Everything but the custom inputs of a form, for the record's own fields. */
export function withoutCustom(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...form.entries()].filter(([name]) => !name.startsWith(PREFIX)));
}

/**
 * Inputs for a record type's active custom fields (uncontrolled, named
 * `custom.<key>`), with the server's message under each (`custom.<key>`).
 */
export function CustomFieldInputs({ fields, values = {}, error, idPrefix }: { fields: CustomFieldDef[]; values?: CustomValues; error: (name: string) => string | undefined; idPrefix: string }) {
  const t = useTranslations("customFields.values");
  const tc = useTranslations("common");
  const locale = useLocale();
  return (
    <>
      {fields.filter((f) => f.active).map((f) => {
        const id = `${idPrefix}-${f.key}`;
        const name = `${PREFIX}${f.key}`;
        const message = error(name);
        const value = Object.hasOwn(values, f.key) ? values[f.key] : undefined;
        const common = { id, name, "aria-invalid": !!message, "aria-required": f.required || undefined };
        return (
          <div key={f.key} className={f.type === "textarea" ? "sm:col-span-2" : undefined} data-testid={`custom-input-${f.key}`}>
            <Field id={id} label={fieldLabel(f, locale)} error={message}>
              {f.type === "textarea" ? (
                <textarea {...common} defaultValue={value === undefined ? "" : String(value)} maxLength={TEXTAREA_MAX} className="min-h-24 w-full rounded-md border border-slate-300 p-2 text-sm aria-[invalid=true]:border-red-500" />
              ) : f.type === "select" || f.type === "boolean" ? (
                <Select {...common} defaultValue={value === undefined ? "" : String(value)}>
                  <option value="">{t("choose")}</option>
                  {f.type === "select"
                    ? f.options.map((o) => <option key={o.value} value={o.value}>{fieldLabel(o, locale)}</option>)
                    : [<option key="true" value="true">{tc("yes")}</option>, <option key="false" value="false">{tc("no")}</option>]}
                </Select>
              ) : (
                <Input
                  {...common}
                  type={f.type === "date" ? "date" : "text"}
                  inputMode={f.type === "number" ? "decimal" : undefined}
                  maxLength={f.type === "text" ? TEXT_MAX : 40}
                  defaultValue={value === undefined ? "" : String(value)}
                  autoComplete="off"
                />
              )}
            </Field>
          </div>
        );
      })}
    </>
  );
}
