import "server-only";
import { z } from "zod";
import { calendarDay, isCalendarDay } from "../errors/calendar";
import { safePattern } from "./feel-regex";

/** One row of a "lines" field, e.g. an order line whose quantity is confirmed. */
export type LineRow = { key: string; label: string; quantity: number; unit: string; unitZh?: string; unitEn?: string; /** the row's own date (an order line's requested day), YYYY-MM-DD */ date?: string };

/** The receiving steps' tables ("lots" fields, checked in form-lots.ts). */
export type LotStage = "notice" | "count" | "inspect" | "putaway" | "summary";

/** One lot as the flow carries it (instance variable, e.g. lotRows). */
export type LotRow = {
  key: string;
  lineKey: string;
  label: string;
  unit: string;
  unitZh?: string;
  unitEn?: string;
  lotNumber: string;
  shipped: number;
  counted?: number;
  sampled?: number;
  accepted?: number;
  rejected?: number;
  result?: string;
  defect?: string;
  location?: string;
  bin?: string;
};

/** Put-away choices: the locations and their bins. */
export type BinChoice = { location: string; labelZh: string; labelEn: string; bins: { code: string; labelZh: string; labelEn: string }[] };

export type FormField = {
  name: string;
  type: "text" | "textarea" | "number" | "date" | "select" | "checklist" | "boolean" | "decision" | "supplier" | "member" | "lines" | "lots";
  labelZh: string;
  labelEn: string;
  required?: boolean;
  options?: { value: string; labelZh: string; labelEn: string }[];
  min?: number;
  max?: number;
  /** text, textarea: length bounds (of the trimmed text) and a pattern (a safe RE2 regular expression, unanchored as in form-js). */
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: "email" | "phone";
  /** select: shown as radio buttons. */
  widget?: "radio";
  /** A FEEL test over the form's values and the instance's variables: while true the field is hidden, neither required nor stored. */
  hideIf?: string;
  /** "lines": the instance variable that holds the rows (LineRow[]); the value is { [row key]: number }. */
  linesFrom?: string;
  /** "lines": no row may exceed its own quantity. */
  rowMax?: boolean;
  /** "lines": what a row starts with in the form: its own quantity (default) or 0. */
  rowStart?: "quantity" | "zero";
  /** "lines": what the rows' own quantity is, named in the quantity column (default: the ordered quantity). */
  rowQuantity?: "ordered" | "planned";
  /** "lines": what each row takes: a quantity (default) or a calendar day (a delivery date per order line). */
  rowInput?: "quantity" | "date";
  /** "lines": the rows, filled in for the browser (lib/inbox/client-form.ts). */
  rows?: LineRow[];
  /** "lots": which receiving step the table is for (lib/workflow/form-lots.ts). */
  lotStage?: LotStage;
  /** "lots" (putaway): the instance variable with the locations and their bins. */
  optionsFrom?: string;
  /** "lots": the lots and put-away choices, filled in for the browser. */
  lotRows?: LotRow[];
  binChoices?: BinChoice[];
};

/**
 * A rule across fields, checked on the server where the task completes (whatever sent
 * the data: the form, a server action, the REST API):
 * - required_when: `field` must be filled in when `when.field` equals `when.equals`
 *   (a rejection needs its reason);
 * - lines_sum_max: per row, the sum of the "lines" fields named must not exceed the
 *   row's own quantity (accepted plus rejected is at most what was planned);
 * - date_not_past: a date field, when given, is today or later (a delivery date
 *   proposed for yesterday is a typo), by the calendar of the product's time zone; on a
 *   "lines" field of dates, every row's date;
 * - at_least / at_most: when `when` holds (e.g. the decision is "approve"), the value
 *   named `value` must be at least / at most the one named `limit`; each name is a field
 *   of the submission or else an instance variable (a margin the flow computed against
 *   the floor it was started with, a feasible date against the requested one). Numbers
 *   compare as numbers, ISO dates as text; a missing side checks nothing. The error is
 *   shown on `field` with both values as {value} and {limit}.
 */
export type FormRule =
  | { kind: "required_when"; field: string; when: { field: string; equals: string }; message: string }
  | { kind: "lines_sum_max"; fields: string[]; message: string }
  | { kind: "date_not_past"; field: string; message: string }
  | ({ kind: "at_least" } & LimitRule)
  | ({ kind: "at_most" } & LimitRule);

type LimitRule = { field: string; value: string; limit: string; when?: { field: string; equals: string }; message: string };

export type FormDefinition = { key: string; titleZh: string; titleEn: string; fields: FormField[]; rules?: FormRule[] };


const DECISIONS = [
  { value: "approve", labelZh: "同意", labelEn: "Approve" },
  { value: "reject", labelZh: "驳回", labelEn: "Reject" },
];

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A number as a form or an API sends it: a number, or a numeric string; blank is missing, never 0. */
function toNumber(v: unknown): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v === "string") {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : v;
  }
  return v;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

/** Text as typed (trimmed), within its length bounds, matching its pattern (RE2: no backtracking, so no pattern can stall the server). */
function textSchema(f: FormField): z.ZodType {
  const cap = f.type === "textarea" ? 4000 : 200;
  let s = z.string({ error: (iss) => (iss.input === undefined ? "validation.required" : "validation.invalid_type") }).trim().max(Math.min(f.maxLength ?? cap, cap), f.maxLength !== undefined ? `validation.too_long?max=${Math.min(f.maxLength, cap)}` : "validation.too_long?max=" + cap);
  if (f.required) s = s.min(1, "validation.required");
  if (f.minLength !== undefined && f.minLength > 0) s = s.min(f.minLength, `validation.too_short?min=${f.minLength}`);
  if (f.format === "email") s = s.regex(EMAIL, "validation.invalid_email");
  if (f.format === "phone") s = s.regex(PHONE, "validation.invalid_phone");
  if (!f.pattern) return s;
  const re = safePattern(f.pattern);
  return s.refine((v) => v === "" || re.matcher(v).find(), "validation.pattern_mismatch");
}

function fieldSchema(f: FormField): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case "number": {
      // Not z.coerce: Number("") and Number("  ") are 0, so a blank field would count as 0.
      let n = z.number({ error: (iss) => (iss.code !== "invalid_type" ? undefined : iss.input === undefined ? "validation.required" : "validation.invalid_type") });
      if (f.min !== undefined) n = n.min(f.min, `validation.number_min?min=${f.min}`);
      if (f.max !== undefined) n = n.max(f.max, `validation.number_max?max=${f.max}`);
      s = z.preprocess(toNumber, n);
      break;
    }
    case "boolean":
      s = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);
      break;
    case "date":
      s = calendarDay();
      break;
    case "supplier":
    case "member":
      s = z.string().uuid("validation.invalid_value");
      break;
    case "lines": {
      if (f.rowInput === "date") {
        s = z.record(z.string().min(1).max(100), calendarDay());
        break;
      }
      const n = z
        .number({ error: (iss) => (iss.code !== "invalid_type" ? undefined : iss.input === undefined ? "validation.lines_incomplete" : "validation.invalid_type") })
        .min(f.min ?? 0, "validation.number_out_of_range")
        .max(f.max ?? 1e9, "validation.number_out_of_range");
      s = z.record(z.string().min(1).max(100), z.preprocess(toNumber, n));
      break;
    }
    case "lots":
      // Checked against the instance's rows in form-data.ts (form-lots.ts).
      s = z.record(z.string().min(1).max(100), z.unknown());
      break;
    case "select":
    case "decision": {
      const values = (f.options ?? DECISIONS).map((o) => o.value);
      s = z.enum(values as [string, ...string[]], { error: (iss) => (iss.input === undefined ? "validation.required" : "validation.invalid_option") });
      break;
    }
    case "checklist": {
      const values = (f.options ?? []).map((o) => o.value);
      const list = z.array(z.enum(values as [string, ...string[]], "validation.invalid_option")).max(values.length, "validation.invalid_option");
      s = f.required ? list.min(1, "validation.required") : list;
      break;
    }
    default:
      s = textSchema(f);
  }
  // An optional field left blank is absent (a blank number is not 0).
  if (!f.required) return z.preprocess((v) => (v === "" || v === null || (f.type === "number" && isBlank(v)) ? undefined : v), s.optional());
  return s;
}

/** Validates submitted form data on the server; unknown fields are dropped. */
// Built once per form: building a zod object costs more than validating with it.
const schemas = new WeakMap<FormDefinition, ReturnType<typeof buildSchema>>();
function buildSchema(def: FormDefinition, hidden?: ReadonlySet<string>) {
  return z.object(Object.fromEntries(def.fields.filter((f) => !hidden?.has(f.name)).map((f) => [f.name, fieldSchema(f)])));
}
/** The form's schema; without the fields hidden by their condition (neither required nor kept) when `hidden` names any. */
export function formSchema(def: FormDefinition, hidden?: ReadonlySet<string>) {
  if (hidden?.size) return buildSchema(def, hidden);
  let s = schemas.get(def);
  if (!s) schemas.set(def, (s = buildSchema(def)));
  return s;
}

/** The rows of a "lines" field as the instance carries them; malformed entries are left out. */
export function lineRows(f: FormField, variables: Record<string, unknown>): LineRow[] {
  const raw = f.linesFrom ? variables[f.linesFrom] : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const o = r as Record<string, unknown>;
    if (!(typeof o?.key === "string" && typeof o.label === "string" && typeof o.quantity === "number")) return [];
    return [{ key: o.key, label: o.label, quantity: o.quantity, unit: typeof o.unit === "string" ? o.unit : "", ...(typeof o.date === "string" && isCalendarDay(o.date) ? { date: o.date } : {}) }];
  });
}

export function decisionOptions(f: FormField) {
  return f.options ?? DECISIONS;
}
