import "server-only";
import type { Db } from "../db/client";
import { FILTERABLE_TYPES, type CustomFieldDef, type CustomFieldEntity } from "./custom-fields.schema";
import { listedFields } from "./list-custom-fields";
import { idsContaining } from "./records";

type Scalar = string | boolean;
/** Conditions on a record's `custom` column, valid in any record type's Prisma `where`. */
export type CustomCondition =
  | { id: { in: string[] } }
  | { custom: { path: string[]; equals: Scalar } }
  | { custom: { path: string[]; string_contains: string; mode: "insensitive" } }
  | { AND: { custom: { path: string[]; equals: Scalar } }[] };

// Up to this many matches the list narrows to their ids; beyond, the filter selects
// too little for an index to help, and a list of ids would exceed the statement's
// parameter limit, so the same condition goes through the JSON paths instead.
const BY_ID_LIMIT = 5000;

/** The list filters that apply: listed select/boolean fields, values among their options. */
function activeFilters(fields: CustomFieldDef[], filters: Record<string, string>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const f of listedFields(fields)) {
    if (!FILTERABLE_TYPES.includes(f.type) || !Object.hasOwn(filters, f.key)) continue;
    const raw = filters[f.key];
    if (f.type === "select" && f.options.some((o) => o.value === raw)) out[f.key] = raw;
    if (f.type === "boolean" && (raw === "true" || raw === "false")) out[f.key] = raw === "true";
  }
  return out;
}

/**
 * The `cf_<key>=value` filters of a list as one condition, or null when none
 * applies. Matching is JSONB containment, custom @> '{"key":"value"}', which the
 * GIN index on `custom` answers (on PGlite too).
 */
export async function customFilterCondition(db: Db, entity: CustomFieldEntity, fields: CustomFieldDef[], filters: Record<string, string>, limit = BY_ID_LIMIT): Promise<CustomCondition | null> {
  const wanted = activeFilters(fields, filters);
  if (!Object.keys(wanted).length) return null;
  const ids = await idsContaining(db, entity, wanted, limit + 1);
  if (ids.length <= limit) return { id: { in: ids } };
  return { AND: Object.entries(wanted).map(([key, value]) => ({ custom: { path: [key], equals: value } })) };
}

/** What a list's search box also matches: listed text fields containing q, listed select fields whose option reads like q. */
export function customSearchConditions(fields: CustomFieldDef[], q: string): CustomCondition[] {
  const needle = q.toLowerCase();
  return listedFields(fields).flatMap((f): CustomCondition[] => {
    if (f.type === "text" || f.type === "textarea") return [{ custom: { path: [f.key], string_contains: q, mode: "insensitive" } }];
    if (f.type !== "select") return [];
    return f.options.filter((o) => [o.value, o.labelZh, o.labelEn].some((s) => s.toLowerCase().includes(needle))).map((o) => ({ custom: { path: [f.key], equals: o.value } }));
  });
}
