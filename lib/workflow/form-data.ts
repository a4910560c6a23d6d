import "server-only";
import { AppError } from "../errors/app-error";
import { cleanInput, fieldErrorsOf } from "../errors/parse-input";
import { formSchema, lineRows, type FormDefinition } from "./forms";

/**
 * Validates form data (start or task form) on the server; unknown fields are dropped.
 * With the instance's variables, "lines" fields are checked against their rows: every
 * row given, no other key, and (rowMax) none above its own quantity.
 */
export function validateFormData(form: FormDefinition | null | undefined, data: unknown, variables?: Record<string, unknown>): Record<string, unknown> {
  if (!form) return {};
  const parsed = formSchema(form).safeParse(cleanInput(data ?? {}));
  if (parsed.success) {
    const out = parsed.data as Record<string, unknown>;
    if (variables) checkLines(form, out, variables);
    return out;
  }
  throw new AppError("validation", { fieldErrors: fieldErrorsOf(parsed.error.issues) });
}

function checkLines(form: FormDefinition, data: Record<string, unknown>, variables: Record<string, unknown>) {
  const fieldErrors: Record<string, string> = {};
  for (const f of form.fields) {
    if (f.type !== "lines" || !f.linesFrom) continue;
    const given = data[f.name] as Record<string, number> | undefined;
    if (given === undefined) continue;
    const rows = lineRows(f, variables);
    const keys = new Set(rows.map((r) => r.key));
    if (Object.keys(given).some((k) => !keys.has(k))) fieldErrors[f.name] = "validation.invalid_value";
    else if (rows.some((r) => given[r.key] === undefined)) fieldErrors[f.name] = "validation.lines_incomplete";
    else if (f.rowMax && rows.some((r) => given[r.key] > r.quantity)) fieldErrors[f.name] = "validation.line_over_quantity";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", { fieldErrors });
}
