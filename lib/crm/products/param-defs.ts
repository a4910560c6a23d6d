import { z } from "zod";
import { AppError } from "../../errors/app-error";

export const PARAM_TYPES = ["text", "number", "select"] as const;

const option = z.object({
  value: z.string().trim().min(1, "validation.required").max(60),
  labelZh: z.string().trim().min(1, "validation.required").max(60),
  labelEn: z.string().trim().min(1, "validation.required").max(60),
});

/** One technical parameter of a product category (material, tolerance, ...), defined by an administrator. */
const paramDef = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, "validation.param_key"),
    labelZh: z.string().trim().min(1, "validation.required").max(40),
    labelEn: z.string().trim().min(1, "validation.required").max(60),
    type: z.enum(PARAM_TYPES, { message: "validation.required" }),
    options: z.array(option).max(50).default([]),
    unit: z.string().trim().max(20).nullish().transform((v) => v || null),
    required: z.boolean().default(false),
  })
  .refine((d) => d.type !== "select" || d.options.length > 0, { message: "validation.param_options", path: ["options"] });
export type ParamDef = z.output<typeof paramDef>;

export const paramDefList = z
  .array(paramDef)
  .max(40)
  .refine((defs) => new Set(defs.map((d) => d.key)).size === defs.length, { message: "validation.param_key_twice" });

/** A category's stored definitions, read leniently (a row edited by hand never breaks a page). */
export function readParamDefs(json: unknown): ParamDef[] {
  const parsed = paramDefList.safeParse(json);
  return parsed.success ? parsed.data : [];
}

export type ParamValues = Record<string, string | number>;

/**
 * Parameter values checked against the category's definitions: required ones present,
 * numbers numeric, select values among the options; unknown keys dropped, blanks left out.
 * A failure is a validation error per parameter (`param.<key>`).
 */
export function checkParamValues(defs: readonly ParamDef[], raw: unknown): ParamValues {
  const input = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out: ParamValues = {};
  const errors: Record<string, string> = {};
  for (const d of defs) {
    const v = input[d.key];
    const text = v === null || v === undefined ? "" : String(v).trim();
    if (!text) {
      if (d.required) errors[`param.${d.key}`] = "validation.required";
      continue;
    }
    if (d.type === "number") {
      const n = Number(text.replace(/[,，\s]/g, ""));
      if (!Number.isFinite(n)) errors[`param.${d.key}`] = "validation.not_a_number";
      else out[d.key] = n;
    } else if (d.type === "select") {
      if (!d.options.some((o) => o.value === text)) errors[`param.${d.key}`] = "validation.param_option";
      else out[d.key] = text;
    } else if (text.length > 200) errors[`param.${d.key}`] = "validation.too_long?max=200";
    else out[d.key] = text;
  }
  if (Object.keys(errors).length) throw new AppError("validation", { fieldErrors: errors });
  return out;
}

/** A parameter value as shown: the option's label in the locale, a number with its unit. */
export function formatParamValue(d: ParamDef, v: unknown, locale: string): string {
  if (v === null || v === undefined || v === "") return "";
  const en = locale === "en";
  if (d.type === "select") {
    const o = d.options.find((x) => x.value === v);
    return o ? (en ? o.labelEn : o.labelZh) : String(v);
  }
  return d.unit ? `${String(v)} ${d.unit}` : String(v);
}
