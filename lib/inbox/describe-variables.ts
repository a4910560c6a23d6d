import "server-only";
import type { Db } from "../db/client";
import { decisionOptions, lineRows, type FormDefinition, type FormField } from "../workflow/forms";
import { listForms } from "../workflow/registry";

export type ContextItem = { name: string; labelZh: string; labelEn: string; valueZh: string; valueEn: string };

/** Runtime bookkeeping and per-step answers (those show in the history instead). */
const HIDDEN = new Set(["initiator", "businessKey", "decision", "comment"]);

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v).slice(0, 300);
  return String(v);
}

function describe(field: FormField | undefined, value: unknown, suppliers: Map<string, string>, variables: Record<string, unknown>): { zh: string; en: string } {
  if (field?.type === "lines" && value && typeof value === "object") {
    const given = value as Record<string, unknown>;
    const text = lineRows(field, variables)
      .filter((r) => given[r.key] !== undefined)
      .map((r) => `${r.label}: ${String(given[r.key])} ${r.unit}`.trim())
      .join("\n");
    return { zh: text, en: text };
  }
  if (field?.type === "boolean") return value ? { zh: "是", en: "Yes" } : { zh: "否", en: "No" };
  if (field?.type === "supplier" && typeof value === "string") {
    const name = suppliers.get(value) ?? value;
    return { zh: name, en: name };
  }
  if (field && (field.type === "select" || field.type === "decision")) {
    const o = decisionOptions(field).find((x) => x.value === value);
    if (o) return { zh: o.labelZh, en: o.labelEn };
  }
  if (typeof value === "number") return { zh: value.toLocaleString("zh-CN"), en: value.toLocaleString("en") };
  return { zh: scalar(value), en: scalar(value) };
}

/**
 * The instance's variables as label/value pairs: the start form's fields first,
 * in form order, then fields other forms filled in. Unlabelled variables are
 * shown by name to employees only (they may be internal).
 */
export async function describeVariables(db: Db, variables: Record<string, unknown>, opts: { startForm: FormDefinition | null; includeUnlabelled: boolean }): Promise<ContextItem[]> {
  const fields = new Map<string, FormField>();
  for (const f of opts.startForm?.fields ?? []) fields.set(f.name, f);
  for (const form of listForms()) for (const f of form.fields) if (!fields.has(f.name)) fields.set(f.name, f);

  const supplierIds = [...fields.values()].filter((f) => f.type === "supplier").map((f) => variables[f.name]).filter((v): v is string => typeof v === "string");
  const suppliers = new Map(
    supplierIds.length ? (await db.supplier.findMany({ where: { id: { in: supplierIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name] as const) : [],
  );

  const present = (name: string) => !HIDDEN.has(name) && variables[name] !== undefined && variables[name] !== null && variables[name] !== "";
  const items: ContextItem[] = [];
  for (const [name, field] of fields) {
    if (!present(name)) continue;
    const v = describe(field, variables[name], suppliers, variables);
    items.push({ name, labelZh: field.labelZh, labelEn: field.labelEn, valueZh: v.zh, valueEn: v.en });
  }
  if (opts.includeUnlabelled) {
    for (const name of Object.keys(variables).sort()) {
      if (fields.has(name) || !present(name)) continue;
      const v = scalar(variables[name]);
      items.push({ name, labelZh: name, labelEn: name, valueZh: v, valueEn: v });
    }
  }
  return items;
}
