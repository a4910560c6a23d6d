import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

export const LEAD_SOURCES = ["exhibition", "website", "referral", "cold_call", "advertisement", "other"] as const;
export const LEAD_STATUSES = ["new", "working", "converted", "disqualified"] as const;
export const SOURCE_RULE_KINDS = ["channel", "keyword", "campaign"] as const;
export const ASSIGNMENT_RULE_KINDS = ["any", "region", "industry"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** A lead as entered by hand or imported (CRM-3); shared by the form, the action and the importer. */
export const leadInput = z.object({
  companyName: z.string().trim().min(2, "validation.customer_name_short").max(100),
  contactName: optionalText(60),
  phone: optionalText(40),
  email: z.string().trim().max(120).nullish().transform((v) => v || null).pipe(z.email("validation.invalid_email").nullable()),
  region: optionalText(60),
  industry: optionalText(60),
  channel: optionalText(60),
  campaignCode: optionalText(40),
  remark: optionalText(1000),
});
export type LeadInput = z.input<typeof leadInput>;

/** Keywords typed as 展会、博览会 or "expo, fair": one list, empty parts dropped. */
export function patternWords(pattern: string): string[] {
  return pattern.split(/[,，、;；|\s]+/).map((w) => w.trim().toLowerCase()).filter(Boolean);
}

export const sourceRuleInput = z.object({
  position: z.coerce.number().int().min(1).max(999),
  kind: z.enum(SOURCE_RULE_KINDS, { message: "validation.required" }),
  pattern: z.string().trim().min(1, "validation.required").max(200),
  source: z.enum(LEAD_SOURCES, { message: "validation.required" }),
});

export const assignmentRuleInput = z
  .object({
    position: z.coerce.number().int().min(1).max(999),
    kind: z.enum(ASSIGNMENT_RULE_KINDS, { message: "validation.required" }),
    pattern: z.string().trim().max(200).nullish().transform((v) => v ?? ""),
    /** "employee:<id>" or "team:<id>": one person, or round robin among a team's reps. */
    target: z.string().trim().regex(/^(employee|team):[0-9a-f-]{36}$/i, "validation.required"),
  })
  .refine((r) => r.kind === "any" || patternWords(r.pattern).length > 0, { message: "validation.required", path: ["pattern"] });

export const convertLeadInput = z.object({
  /** Link the lead to this existing customer instead of creating one. */
  customerId: z.string().trim().max(40).nullish().transform((v) => v || null),
  /** Why a new customer is created although likely duplicates were shown (audited). */
  duplicateReason: optionalText(200),
  opportunityName: optionalText(100),
  expectedAmount: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v) => (v === "" || v == null ? null : Number(String(v).replace(/[,，\s]/g, ""))))
    .refine((v) => v === null || (Number.isFinite(v) && v >= 0 && v < 1e12), "validation.not_a_number"),
});
export type ConvertLeadInput = z.input<typeof convertLeadInput>;
