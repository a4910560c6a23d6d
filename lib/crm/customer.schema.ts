import { z } from "zod";
import { creditCodeProblem, normaliseCreditCode } from "../names/credit-code";

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

export const CUSTOMER_LEVELS = ["A", "B", "C"] as const;

/** A new customer or a change of one (CRM-1, CRM-2); shared by the form, the action and the import. */
export const customerInput = z.object({
  name: z.string().trim().min(2, "validation.customer_name_short").max(100),
  creditCode: z
    .string()
    .nullish()
    .transform((v) => (v ? normaliseCreditCode(v) : null))
    .superRefine((v, ctx) => {
      const problem = v ? creditCodeProblem(v) : null;
      if (problem) ctx.addIssue({ code: "custom", message: `validation.credit_code_${problem}` });
    }),
  industry: optionalText(60),
  region: optionalText(60),
  level: z.enum(CUSTOMER_LEVELS).nullish().or(z.literal("")).transform((v) => v || null),
  tags: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? "").split(/[,，、;；\s]+/)).map((t) => t.trim()).filter(Boolean))].slice(0, 20))
    .pipe(z.array(z.string().max(20, "validation.tag_too_long"))),
  contactName: optionalText(60),
  contactPhone: optionalText(40),
  address: optionalText(200),
  sharedWithTeam: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).nullish().transform((v) => v === true || v === "on" || v === "true"),
  /** Why the user goes on although likely duplicates were shown (audited). */
  duplicateReason: optionalText(200),
});

export type CustomerInput = z.input<typeof customerInput>;
