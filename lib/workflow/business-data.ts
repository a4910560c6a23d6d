import "server-only";

const BUSINESS_TYPES = ["text", "number", "money", "date", "datetime", "boolean", "person", "group", "supplier", "lines", "changes"] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** One variable a process shows people (ff:businessData on the process), in declared order. */
export type BusinessField = { name: string; type: BusinessType; labelZh: string; labelEn: string; staffOnly: boolean };

type StoredField = { name?: unknown; type?: unknown; labelZh?: unknown; labelEn?: unknown; staffOnly?: unknown };
type StoredContext = {
  processes?: { behaviour?: { extensionElements?: { values?: { $type?: string; fields?: StoredField[] }[] } } }[];
  activities?: { type?: string; behaviour?: { formKey?: unknown } }[];
};

/** The business data a published definition declares, read from its stored engine context. */
export function businessFields(context: unknown): BusinessField[] {
  const values = ((context ?? {}) as StoredContext).processes?.[0]?.behaviour?.extensionElements?.values ?? [];
  return values
    .filter((v) => v.$type === "ff:BusinessData")
    .flatMap((v) => v.fields ?? [])
    .flatMap((f): BusinessField[] => {
      if (typeof f.name !== "string" || !f.name) return [];
      const type = (BUSINESS_TYPES as readonly string[]).includes(String(f.type)) ? (f.type as BusinessType) : "text";
      const label = (v: unknown) => (typeof v === "string" && v ? v : String(f.name));
      return [{ name: f.name, type, labelZh: label(f.labelZh), labelEn: label(f.labelEn ?? f.labelZh), staffOnly: f.staffOnly === true || f.staffOnly === "true" }];
    });
}

/** The form keys a definition's tasks and start event use: their fields are the process's too. */
export function processFormKeys(context: unknown): string[] {
  const keys = ((context ?? {}) as StoredContext).activities?.map((a) => a.behaviour?.formKey).filter((k): k is string => typeof k === "string" && !!k) ?? [];
  return [...new Set(keys)];
}
