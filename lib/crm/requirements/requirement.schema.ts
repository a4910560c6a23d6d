import { z } from "zod";

const id = z.string().trim().max(40);
const optionalId = z.string().trim().max(40).optional().transform((v) => v || null);

/** An extra parameter of one requirement (beyond those the library product or category defines). */
const extraParam = z.object({
  name: z.string().trim().min(1, "validation.required").max(40, "validation.too_big"),
  value: z.string().trim().min(1, "validation.required").max(200, "validation.too_big"),
});

/** A product requirement as entered (CRM-7); shared by the form, the action and the tests. */
export const requirementInput = z.object({
  opportunityId: id.min(1, "validation.required"),
  title: z.string().trim().min(2, "validation.too_small").max(120, "validation.too_big"),
  categoryId: optionalId,
  productId: optionalId,
  extraParams: z.array(extraParam).max(30, "validation.too_big").default([]),
  quantity: z.coerce.number().int("validation.not_a_number").min(1, "validation.too_small").max(100_000_000, "validation.too_big").optional().nullable(),
  targetDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid_date").optional().nullable().or(z.literal("").transform(() => null)),
  description: z.string().trim().max(5000, "validation.too_big").default(""),
});
export type RequirementInput = z.input<typeof requirementInput>;

export const REQUIREMENT_STATUSES = ["draft", "reviewing", "approved", "rejected"] as const;

/** The requirement library's filters, read from the URL. */
export const requirementListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  customer: z.string().trim().max(40).optional().catch(undefined),
  category: z.string().trim().max(40).optional().catch(undefined),
  status: z.enum(REQUIREMENT_STATUSES).optional().catch(undefined),
  opportunity: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
