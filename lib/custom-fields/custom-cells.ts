import "server-only";
import type { CustomFieldDef } from "./custom-fields.schema";
import { readCustomValues } from "./custom-values";
import { fieldLabel, formatCustomValue, type YesNo } from "./format-custom-values";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A custom value as an Excel cell: numbers and dates stay numbers and dates, the rest reads as on screen. */
function cellOf(field: CustomFieldDef, value: unknown, locale: string, words: YesNo): string | number | Date | null {
  if (value === undefined) return null;
  if (typeof value === "number") return value;
  const day = field.type === "date" && typeof value === "string" ? DAY.exec(value) : null;
  if (day) return new Date(Date.UTC(+day[1], +day[2] - 1, +day[3]));
  return formatCustomValue(field, value as string | boolean, locale, words);
}

/** An export's column for a custom field: its label in the reader's language, keyed custom.<key>. */
export const customColumn = (f: CustomFieldDef, locale: string) => ({ header: fieldLabel(f, locale), key: `custom.${f.key}`, width: 16, style: f.type === "date" ? { numFmt: "yyyy-mm-dd" } : {} });

/** A record's custom values (its `custom` JSON) as the cells of `customColumn`s, by key. */
export function customCells(fields: CustomFieldDef[], custom: unknown, locale: string, words: YesNo): Record<string, string | number | Date | null> {
  const values = readCustomValues(custom);
  return Object.fromEntries(fields.map((f) => [`custom.${f.key}`, cellOf(f, Object.hasOwn(values, f.key) ? values[f.key] : undefined, locale, words)]));
}
