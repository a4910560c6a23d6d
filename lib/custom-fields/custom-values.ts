import { AppError } from "../errors/app-error";
import { isCalendarDay } from "../errors/calendar";
import { cleanInput } from "../errors/parse-input";
import { NUMBER_LIMIT, TEXT_MAX, TEXTAREA_MAX, type CustomFieldDef, type CustomValue, type CustomValues } from "./custom-fields.schema";

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Stored custom values (JSONB), read defensively: only scalar entries count. */
export function readCustomValues(json: unknown): CustomValues {
  if (!isPlainObject(json)) return {};
  const out: CustomValues = {};
  for (const [k, v] of Object.entries(json)) {
    if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
  }
  return out;
}

// Control characters other than tab and line breaks never belong in a value.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// "12,500" and "12 500" as people write thousands; a plain decimal otherwise.
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

type Checked = { value?: CustomValue; error?: string };

function checkText(v: string, max: number, oneLine: boolean): Checked {
  let s = v.replace(CONTROL, "");
  if (oneLine) s = s.replace(/[\t\r\n]+/g, " ");
  s = s.trim();
  if (!s) return {};
  return s.length > max ? { error: `validation.too_long?max=${max}` } : { value: s };
}

function checkNumber(v: unknown): Checked {
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = v.replace(/[,\s]/g, "");
    if (!NUMBER.test(s)) return { error: "validation.not_a_number" };
    n = Number(s);
  } else return { error: "validation.not_a_number" };
  if (!Number.isFinite(n) || Math.abs(n) > NUMBER_LIMIT) return { error: "validation.number_out_of_range" };
  return { value: n === 0 ? 0 : n };
}

/** One submitted value against its field: the value to store, nothing (left empty), or a message code. */
function checkValue(field: CustomFieldDef, v: unknown): Checked {
  if (v === undefined || v === null || (typeof v === "string" && !v.trim())) return {};
  switch (field.type) {
    case "text":
    case "textarea":
      return typeof v === "string" ? checkText(v, field.type === "text" ? TEXT_MAX : TEXTAREA_MAX, field.type === "text") : { error: "validation.invalid_value" };
    case "number":
      return checkNumber(v);
    case "date":
      return typeof v === "string" && isCalendarDay(v.trim()) ? { value: v.trim() } : { error: "validation.invalid_date" };
    case "select":
      return typeof v === "string" && field.options.some((o) => o.value === v) ? { value: v } : { error: "validation.invalid_option" };
    case "boolean":
      if (typeof v === "boolean") return { value: v };
      return v === "true" || v === "false" ? { value: v === "true" } : { error: "validation.invalid_value" };
  }
}

/**
 * Submitted custom values checked against a record type's active fields: each
 * value of its type (numbers parsed, dates on the calendar, options from the
 * list, text trimmed and bounded), required ones present. Unknown keys are
 * dropped; `kept` (the record's stored values) keeps the values of fields that
 * are switched off, as they are. Refuses with one message per field, keyed
 * `custom.<key>`, as forms show them.
 */
export function validateCustomValues(fields: CustomFieldDef[], raw: unknown, kept: unknown = {}): CustomValues {
  const input = raw === undefined || raw === null ? {} : cleanInput(raw);
  if (!isPlainObject(input)) throw new AppError("validation", { fieldErrors: { custom: "validation.invalid_value" } });
  const active = fields.filter((f) => f.active);
  const activeKeys = new Set(active.map((f) => f.key));
  const out: CustomValues = {};
  for (const [k, v] of Object.entries(readCustomValues(kept))) if (!activeKeys.has(k)) out[k] = v;
  const fieldErrors: Record<string, string> = {};
  for (const f of active) {
    const checked = checkValue(f, Object.hasOwn(input, f.key) ? input[f.key] : undefined);
    if (checked.error) fieldErrors[`custom.${f.key}`] = checked.error;
    else if (checked.value !== undefined) out[f.key] = checked.value;
    else if (f.required) fieldErrors[`custom.${f.key}`] = "validation.required";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors });
  return out;
}

/** The keys whose values differ between two sets of custom values (for the audit row). */
export function changedKeys(before: CustomValues, after: CustomValues): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}
