import "server-only";
import { formatParamValue, readParamDefs } from "../products/param-defs";

/**
 * A requirement's parameters linked from the product library: the category's definitions
 * (ProductCategory.paramDefs) with the library product's values (Product.techParams), read
 * and shown as the library reads and shows them. Read-only: they change in the library,
 * not on the requirement.
 */
export type LinkedParam = { key: string; labelZh: string; labelEn: string; value: string };

export function linkedParams(paramDefs: unknown, techParams: unknown, locale: string): LinkedParam[] {
  const values = techParams && typeof techParams === "object" && !Array.isArray(techParams) ? (techParams as Record<string, unknown>) : {};
  return readParamDefs(paramDefs).map((d) => ({ key: d.key, labelZh: d.labelZh, labelEn: d.labelEn, value: formatParamValue(d, values[d.key], locale) }));
}
