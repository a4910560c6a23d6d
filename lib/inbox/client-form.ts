import "server-only";
import { decisionOptions, type FormDefinition } from "../workflow/forms";

/** A form definition as the browser renders it: decision fields carry their options explicitly. */
export function clientForm(def: FormDefinition): FormDefinition {
  return { ...def, fields: def.fields.map((f) => (f.type === "decision" ? { ...f, options: decisionOptions(f) } : f)) };
}
