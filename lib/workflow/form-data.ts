import "server-only";
import { AppError } from "../errors/app-error";
import { cleanInput, fieldErrorsOf } from "../errors/parse-input";
import { now } from "./clock";
import { processVariables, testFeel } from "./expressions";
import { checkLotField } from "./form-lots";
import { formSchema, lineRows, type FormDefinition } from "./forms";

/**
 * Validates form data (start or task form) on the server; unknown fields are dropped.
 * With the instance's variables, "lines" fields are checked against their rows: every
 * row given, no other key, and (rowMax) none above its own quantity; then the form's
 * rules across fields (FormRule), so the API is held to what the form asks.
 */
export function validateFormData(form: FormDefinition | null | undefined, data: unknown, variables?: Record<string, unknown>): Record<string, unknown> {
  if (!form) return {};
  const input = cleanInput(data ?? {});
  const parsed = formSchema(form, hiddenFields(form, input, variables ?? {})).safeParse(input);
  if (parsed.success) {
    const out = parsed.data as Record<string, unknown>;
    if (variables) checkLines(form, out, variables);
    checkLots(form, out, variables ?? {});
    checkRules(form, out, variables ?? {});
    return out;
  }
  throw new AppError("validation", { fieldErrors: fieldErrorsOf(parsed.error.issues) });
}

/**
 * The fields whose condition (hideIf, a FEEL test as form-js evaluates it) holds
 * for what was submitted and the instance's variables, in order: a hidden field's
 * value is out of the scope of the conditions after it.
 */
function hiddenFields(form: FormDefinition, input: unknown, variables: Record<string, unknown>): Set<string> {
  const hidden = new Set<string>();
  if (!form.fields.some((f) => f.hideIf)) return hidden;
  const scope: Record<string, unknown> = { ...processVariables(variables), ...(input && typeof input === "object" ? (input as Record<string, unknown>) : {}) };
  for (const f of form.fields) {
    if (f.hideIf && testFeel(f.hideIf, scope)) {
      hidden.add(f.name);
      delete scope[f.name];
    }
  }
  return hidden;
}

function checkLines(form: FormDefinition, data: Record<string, unknown>, variables: Record<string, unknown>) {
  const fieldErrors: Record<string, string> = {};
  for (const f of form.fields) {
    if (f.type !== "lines" || !f.linesFrom) continue;
    const given = data[f.name] as Record<string, number | string> | undefined;
    if (given === undefined) continue;
    const rows = lineRows(f, variables);
    const keys = new Set(rows.map((r) => r.key));
    if (Object.keys(given).some((k) => !keys.has(k))) fieldErrors[f.name] = "validation.invalid_value";
    else if (rows.some((r) => given[r.key] === undefined)) fieldErrors[f.name] = "validation.lines_incomplete";
    else if (f.rowMax && rows.some((r) => Number(given[r.key]) > r.quantity)) fieldErrors[f.name] = "validation.line_over_quantity";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors });
}

/** "lots" fields (receiving tables) against the rows the flow recorded; a summary table submits nothing. */
function checkLots(form: FormDefinition, data: Record<string, unknown>, variables: Record<string, unknown>) {
  for (const f of form.fields) {
    if (f.type !== "lots") continue;
    const rows = f.lotStage === "notice" ? lineRows(f, variables) : [];
    const value = checkLotField(f, data[f.name], variables, rows);
    if (value === undefined) delete data[f.name];
    else data[f.name] = value;
  }
}

// Orders, deliveries and deadlines are days of the factory's calendar (Beijing time).
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now());

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function checkRules(form: FormDefinition, data: Record<string, unknown>, variables: Record<string, unknown>) {
  const fieldErrors: Record<string, string> = {};
  const params: Record<string, string> = {};
  for (const rule of form.rules ?? []) {
    if (rule.kind === "required_when") {
      if (data[rule.when.field] === rule.when.equals && blank(data[rule.field])) fieldErrors[rule.field] ??= rule.message;
      continue;
    }
    if (rule.kind === "date_not_past") {
      const day = data[rule.field];
      // A "lines" field of dates: each row's date.
      const days = typeof day === "string" ? [day] : day && typeof day === "object" ? Object.values(day) : [];
      if (days.some((d) => typeof d === "string" && d < today())) fieldErrors[rule.field] ??= rule.message;
      continue;
    }
    if (rule.kind === "at_least" || rule.kind === "at_most") {
      if (rule.when && data[rule.when.field] !== rule.when.equals) continue;
      const side = (name: string) => (data[name] !== undefined ? data[name] : variables[name]);
      const [value, limit] = [side(rule.value), side(rule.limit)];
      if (blank(value) || blank(limit)) continue;
      const numeric = typeof value === "number" || typeof limit === "number";
      const [a, b] = numeric ? [Number(value), Number(limit)] : [String(value), String(limit)];
      if (numeric && (!Number.isFinite(a) || !Number.isFinite(b))) continue;
      if (rule.kind === "at_least" ? a < b : a > b) {
        fieldErrors[rule.field] ??= rule.message;
        params.value = String(value);
        params.limit = String(limit);
      }
      continue;
    }
    const fields = rule.fields.map((name) => form.fields.find((f) => f.name === name)).filter((f): f is NonNullable<typeof f> => !!f);
    const rows = fields[0] ? lineRows(fields[0], variables) : [];
    const sum = (key: string) => fields.reduce((n, f) => n + Number((data[f.name] as Record<string, number> | undefined)?.[key] ?? 0), 0);
    const over = rows.filter((r) => sum(r.key) > r.quantity);
    if (over.length) {
      fieldErrors[rule.fields[0]] ??= rule.message;
      params.lines = over.map((r) => `${r.label}（${sum(r.key)} > ${r.quantity}）`).join("；");
    }
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors, params });
}
