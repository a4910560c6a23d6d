import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Td } from "@/components/ui/table";
import type { CustomFieldDef } from "@/lib/custom-fields/custom-fields.schema";
import { readCustomValues } from "@/lib/custom-fields/custom-values";
import { customEntries, fieldLabel, formatCustomValue } from "@/lib/custom-fields/format-custom-values";

/** A record's custom values as label / value rows; a switched-off field that still holds a value says so. */
export function CustomValuesList({ fields, values }: { fields: CustomFieldDef[]; values: unknown }) {
  const t = useTranslations("customFields.values");
  const tc = useTranslations("common");
  const entries = customEntries(fields, values, useLocale(), { yes: tc("yes"), no: tc("no") });
  if (!entries.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="custom-values">
      {entries.map((e) => (
        <div key={e.key} className="contents" data-testid={`custom-value-${e.key}`}>
          <dt className="whitespace-nowrap text-slate-500">{e.label}</dt>
          <dd className="min-w-0 whitespace-pre-line break-words text-slate-900">
            {e.text || "—"}
            {e.active ? null : <Badge className="ml-2 bg-slate-200 text-slate-600">{t("switchedOff")}</Badge>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The list columns of a record type's listed custom fields (headers, in the reader's language). */
export function useCustomColumns(fields: CustomFieldDef[]) {
  const locale = useLocale();
  return fields.map((f) => ({ label: fieldLabel(f, locale) }));
}

/** One row's cells for the listed custom fields, as the list shows them (a label on each for the phone's card layout). */
export function CustomCells({ fields, values }: { fields: CustomFieldDef[]; values: unknown }) {
  const tc = useTranslations("common");
  const locale = useLocale();
  const stored = readCustomValues(values);
  return fields.map((f) => (
    <Td key={f.key} className="min-w-24 text-sm" label={fieldLabel(f, locale)}>
      <span data-testid={`custom-cell-${f.key}`}>{formatCustomValue(f, Object.hasOwn(stored, f.key) ? stored[f.key] : undefined, locale, { yes: tc("yes"), no: tc("no") }) || "—"}</span>
    </Td>
  ));
}
