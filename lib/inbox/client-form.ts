import "server-only";
import { decisionOptions, lineRows, type FormDefinition } from "../workflow/forms";

/**
 * A form definition as the browser renders it: decision fields carry their options
 * explicitly, "lines" fields their rows from the instance's variables.
 */
export function clientForm(def: FormDefinition, variables: Record<string, unknown> = {}): FormDefinition {
  return {
    ...def,
    fields: def.fields.map((f) => (f.type === "decision" ? { ...f, options: decisionOptions(f) } : f.type === "lines" ? { ...f, rows: lineRows(f, variables) } : f)),
  };
}
