import "server-only";
import { formOfDefinition } from "../workflow/form-store";
import type { Db } from "../db/client";
import { businessFields, processFormKeys } from "../workflow/business-data";
import { decisionOptions, lineRows, type FormField } from "../workflow/forms";
import { startFormKey } from "../workflow/start-form";
import { formatLineAnswers, formatValue, Lookups, type DisplayType, type DisplayValue } from "./format-value";

export type ContextItem = { name: string; labelZh: string; labelEn: string; value: DisplayValue };

/** Per-step answers: the history shows them, with who gave them. */
const ANSWERS = new Set(["decision", "comment"]);

type Shown = { name: string; labelZh: string; labelEn: string; type: DisplayType; field?: FormField };

/** A published definition: its id (which form versions it pinned) and its stored engine context. */
type Definition = { id: string; context: unknown };

/**
 * What a process shows people of its variables: the business data it declares
 * (ff:businessData; staff-only fields never in the portal), then what its forms asked
 * for (the start form first), each with its label and formatted for reading. The
 * runtime's own variables (ids, flags, technical results) are declared nowhere and never
 * shown. `context` is the definition's stored engine context.
 */
export async function shownVariables(db: Db, definition: Definition, realm: "employee" | "supplier"): Promise<Shown[]> {
  const context = definition.context;
  const out = new Map<string, Shown>();
  for (const f of businessFields(context)) if (realm === "employee" || !f.staffOnly) out.set(f.name, { ...f });
  const start = startFormKey(context);
  const keys = processFormKeys(context).sort((a, b) => (a === start ? -1 : b === start ? 1 : 0));
  const forms = await Promise.all(keys.map((key) => formOfDefinition(db, definition.id, key)));
  for (const form of forms) {
    for (const f of form?.fields ?? []) {
      if (!out.has(f.name) && !ANSWERS.has(f.name)) out.set(f.name, { name: f.name, labelZh: f.labelZh, labelEn: f.labelEn, type: (f.type === "member" ? "person" : f.type) as DisplayType, field: f });
    }
  }
  return [...out.values()];
}

/** Prepares, for many values at once, the names their ids and codes stand for. */
export function wantAll(lookups: Lookups, shown: Shown[], values: Record<string, unknown>, variables: Record<string, unknown>) {
  for (const s of shown) {
    if (s.field?.type === "lines") lookups.wantUnits(lineRows(s.field, variables));
    else lookups.want(s.type, values[s.name]);
  }
}

/** One shown variable's value, formatted; null when there is nothing to read. */
export function display(s: Shown, value: unknown, lookups: Lookups, variables: Record<string, unknown>): DisplayValue | null {
  if (s.field?.type === "lines") return formatLineAnswers(value, lineRows(s.field, variables), lookups);
  if (s.field?.type === "checklist") {
    const labels = (Array.isArray(value) ? value : []).map((v) => s.field!.options?.find((o) => o.value === v) ?? { labelZh: String(v), labelEn: String(v) });
    return labels.length ? { kind: "text", zh: labels.map((l) => l.labelZh).join("、"), en: labels.map((l) => l.labelEn).join(", ") } : null;
  }
  return formatValue(s.type, value, lookups, s.field && (s.field.type === "select" || s.field.type === "decision") ? decisionOptions(s.field) : undefined, currencyOf(variables));
}

/** Money is in the instance's currencyCode variable when it has one (an opportunity in USD), otherwise CNY. */
const currencyOf = (variables: Record<string, unknown>) => (typeof variables.currencyCode === "string" && /^[A-Z]{3}$/.test(variables.currencyCode) ? variables.currencyCode : "CNY");

/** The instance's business record as the task page shows it. */
export async function describeVariables(db: Db, variables: Record<string, unknown>, opts: { definition: Definition; realm: "employee" | "supplier" }): Promise<ContextItem[]> {
  const shown = await shownVariables(db, opts.definition, opts.realm);
  const lookups = new Lookups();
  wantAll(lookups, shown, variables, variables);
  await lookups.load(db);
  return shown.flatMap((s) => {
    const value = display(s, variables[s.name], lookups, variables);
    return value ? [{ name: s.name, labelZh: s.labelZh, labelEn: s.labelEn, value }] : [];
  });
}
