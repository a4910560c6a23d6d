import { z } from "zod";

/**
 * The records an administrator may add fields to: each has a `custom` JSONB
 * column (GIN-indexed) and an entry in lib/custom-fields/records.ts. CRM adds
 * "customer" here, with its column and its entry there.
 */
export const CUSTOM_FIELD_ENTITIES = ["supplier", "purchase_order"] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = ["text", "textarea", "number", "date", "select", "boolean"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Types a list can filter by (one value out of a few): a select per field in the filter bar. */
export const FILTERABLE_TYPES: readonly CustomFieldType[] = ["select", "boolean"];

export const TEXT_MAX = 200;
export const TEXTAREA_MAX = 2000;
/** Numbers beyond this lose digits as JSON doubles; no quantity or amount of a factory gets there. */
export const NUMBER_LIMIT = 1e15;
const MAX_OPTIONS = 50;

// Keys are what flows read (`${custom.annualCapacity > 1000}`), so they must be FEEL
// names: ASCII identifiers, none of FEEL's words, none of an object's own properties.
const FEEL_WORDS = ["true", "false", "null", "and", "or", "not", "for", "in", "return", "if", "then", "else", "some", "every", "satisfies", "instance", "of", "function", "external", "between"];
const OBJECT_WORDS = ["constructor", "prototype", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"];
const RESERVED = new Set([...FEEL_WORDS, ...OBJECT_WORDS].map((w) => w.toLowerCase()));

const customFieldKey = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.too_long?max=40")
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "validation.custom_field_key_format")
  .refine((k) => !RESERVED.has(k.toLowerCase()), "validation.custom_field_key_reserved");

const label = z.string().trim().min(1, "validation.required").max(100, "validation.too_long?max=100");

const option = z.object({
  value: z.string().trim().min(1, "validation.required").max(40, "validation.too_long?max=40"),
  labelZh: label,
  labelEn: z.string().trim().max(100, "validation.too_long?max=100").default(""),
});
export type CustomFieldOption = z.infer<typeof option>;

const options = z
  .array(option)
  .max(MAX_OPTIONS, `validation.too_many_options?max=${MAX_OPTIONS}`)
  .default([])
  .refine((os) => new Set(os.map((o) => o.value)).size === os.length, "validation.option_duplicate");

const settings = { labelZh: label, labelEn: label, required: z.boolean().default(false), inList: z.boolean().default(false), options };

export const customFieldInput = z.object({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: customFieldKey,
  type: z.enum(CUSTOM_FIELD_TYPES),
  ...settings,
});
/** Key and type stay as created: flows read the key, and stored values were checked against the type. */
export const customFieldUpdate = z.object({ id: z.string().uuid(), ...settings });
export const customFieldActive = z.object({ id: z.string().uuid(), active: z.boolean() });
export const customFieldMove = z.object({ id: z.string().uuid(), direction: z.enum(["up", "down"]) });
export const customValuesUpdate = z.object({ id: z.string().uuid(), custom: z.unknown() });

/** A field as screens and use-cases see it (options parsed, never raw JSON). */
export type CustomFieldDef = {
  id: string;
  entity: string;
  key: string;
  type: CustomFieldType;
  labelZh: string;
  labelEn: string;
  required: boolean;
  options: CustomFieldOption[];
  inList: boolean;
  position: number;
  active: boolean;
};

export type CustomValue = string | number | boolean;
export type CustomValues = Record<string, CustomValue>;

const FILTER_PREFIX = "cf_";
const MAX_FILTERS = 20;

/** The list filters `cf_<key>=value` of a page address, unchecked (the list checks them against its fields). */
export function readCustomFilterParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!name.startsWith(FILTER_PREFIX) || typeof value !== "string" || !value || value.length > 100) continue;
    const key = name.slice(FILTER_PREFIX.length);
    if (/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key) && Object.keys(out).length < MAX_FILTERS) out[key] = value;
  }
  return out;
}

/** The address parameters of list filters, for links that keep them. */
export const customFilterParams = (filters: Record<string, string>) => Object.fromEntries(Object.entries(filters).map(([k, v]) => [`${FILTER_PREFIX}${k}`, v]));
export const customFilterName = (key: string) => `${FILTER_PREFIX}${key}`;
