import type { CustomFieldDef, CustomValue, CustomValues } from "./custom-fields.schema";
import { readCustomValues } from "./custom-values";

type Locale = "zh-CN" | "en";
/** The words a screen has for yes and no (common.yes / common.no). */
export type YesNo = { yes: string; no: string };

export const fieldLabel = (f: Pick<CustomFieldDef, "labelZh" | "labelEn">, locale: string) => (locale === "zh-CN" ? f.labelZh : f.labelEn || f.labelZh);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A stored value as people read it: the option's label in the reader's language
 * (the stored value itself if the option was removed since), dates and numbers
 * in the locale's format, yes or no. Empty is "".
 */
export function formatCustomValue(field: CustomFieldDef, value: CustomValue | undefined, locale: Locale | string, words: YesNo): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
  if (field.type === "select") {
    const option = field.options.find((o) => o.value === value);
    return option ? fieldLabel(option, locale) : value;
  }
  const day = field.type === "date" ? DAY.exec(value) : null;
  if (day) return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(+day[1], +day[2] - 1, +day[3]));
  return value;
}

export type CustomEntry = { key: string; label: string; text: string; active: boolean; type: CustomFieldDef["type"] };

/**
 * A record's custom values for its detail page and history: every active field
 * (empty ones as ""), then each switched-off field that still holds a value,
 * marked inactive so the screen can say so.
 */
export function customEntries(fields: CustomFieldDef[], stored: unknown, locale: Locale | string, words: YesNo): CustomEntry[] {
  const values: CustomValues = readCustomValues(stored);
  return fields
    .filter((f) => f.active || Object.hasOwn(values, f.key))
    .map((f) => ({ key: f.key, label: fieldLabel(f, locale), text: formatCustomValue(f, Object.hasOwn(values, f.key) ? values[f.key] : undefined, locale, words), active: f.active, type: f.type }));
}

export type CustomChange = { key: string; label: string; before: string; after: string; active: boolean };

/**
 * The fields an audited change of custom values touched (its before/after rows
 * hold { custom: { key: value } } of the changed keys), formatted for a history.
 */
export function customChanges(fields: CustomFieldDef[], before: unknown, after: unknown, locale: Locale | string, words: YesNo): CustomChange[] {
  const side = (row: unknown) => readCustomValues(row && typeof row === "object" && !Array.isArray(row) ? (row as { custom?: unknown }).custom : null);
  const [b, a] = [side(before), side(after)];
  const text = (f: CustomFieldDef, values: CustomValues) => formatCustomValue(f, Object.hasOwn(values, f.key) ? values[f.key] : undefined, locale, words);
  return fields
    .filter((f) => Object.hasOwn(b, f.key) || Object.hasOwn(a, f.key))
    .map((f) => ({ key: f.key, label: fieldLabel(f, locale), before: text(f, b), after: text(f, a), active: f.active }));
}
