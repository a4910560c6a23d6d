import "server-only";

/**
 * A requirement's parameters linked from the product library: the category's definitions
 * (ProductCategory.paramDefs) with the library product's values (Product.techParams), read
 * leniently so a hand-edited row never breaks the page. Shown read-only: they change in
 * the library, not on the requirement.
 */
export type LinkedParam = { key: string; labelZh: string; labelEn: string; value: string };

type Def = { key: string; labelZh: string; labelEn: string; unit: string | null; options: { value: string; labelZh: string; labelEn: string }[] };

function readDefs(json: unknown): Def[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((d): Def[] => {
    if (!d || typeof d !== "object" || typeof (d as Def).key !== "string") return [];
    const r = d as Partial<Def> & { key: string };
    return [{ key: r.key, labelZh: r.labelZh ?? r.key, labelEn: r.labelEn ?? r.labelZh ?? r.key, unit: r.unit ?? null, options: Array.isArray(r.options) ? r.options : [] }];
  });
}

export function linkedParams(paramDefs: unknown, techParams: unknown, locale: string): LinkedParam[] {
  const values = techParams && typeof techParams === "object" && !Array.isArray(techParams) ? (techParams as Record<string, unknown>) : {};
  return readDefs(paramDefs).map((d) => {
    const v = values[d.key];
    const option = d.options.find((o) => o.value === v);
    const text = v === null || v === undefined || v === "" ? "" : option ? (locale === "en" ? option.labelEn : option.labelZh) : d.unit ? `${String(v)} ${d.unit}` : String(v);
    return { key: d.key, labelZh: d.labelZh, labelEn: d.labelEn, value: text };
  });
}
