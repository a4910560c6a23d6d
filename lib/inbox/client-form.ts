import "server-only";
import type { Db } from "../db/client";
import { lotFieldRows } from "../workflow/form-lots";
import { decisionOptions, lineRows, type FormDefinition } from "../workflow/forms";
import { Lookups } from "./format-value";

/**
 * A form definition as the browser renders it: decision fields carry their options
 * explicitly, "lines" fields their rows from the instance's variables.
 */
export function clientForm(def: FormDefinition, variables: Record<string, unknown> = {}): FormDefinition {
  return {
    ...def,
    fields: def.fields.map((f) => (f.type === "decision" ? { ...f, options: decisionOptions(f) } : f.type === "lines" ? { ...f, rows: lineRows(f, variables) } : f.type === "lots" ? { ...f, ...(f.lotStage === "notice" ? { rows: lineRows(f, variables) } : lotFieldRows(f, variables)) } : f)),
  };
}

/** The same, with each row's unit named in both languages (件 / pcs rather than the ERP's code PCS). */
export async function clientFormWithUnits(db: Db, def: FormDefinition, variables: Record<string, unknown>): Promise<FormDefinition> {
  const form = clientForm(def, variables);
  const rows = form.fields.flatMap((f) => [...(f.rows ?? []), ...(f.lotRows ?? [])]);
  if (rows.length === 0) return form;
  const lookups = new Lookups();
  lookups.wantUnits(rows);
  await lookups.load(db);
  return {
    ...form,
    fields: form.fields.map((f) => ({
      ...f,
      ...(f.rows ? { rows: f.rows.map((r) => (r.unit ? { ...r, unitZh: lookups.unit(r.unit).zh, unitEn: lookups.unit(r.unit).en } : r)) } : {}),
      ...(f.lotRows ? { lotRows: f.lotRows.map((r) => (r.unit ? { ...r, unitZh: lookups.unit(r.unit).zh, unitEn: lookups.unit(r.unit).en } : r)) } : {}),
    })),
  };
}
