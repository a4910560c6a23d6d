import { z } from "zod";

export const OPPORTUNITY_STAGES = ["qualify", "solution", "quotation", "negotiation", "won", "lost"] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const optionalId = z.string().trim().max(40).nullish().transform((v) => v || null);
/** A day typed as yyyy-mm-dd (a calendar day, no time zone). */
const optionalDay = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "validation.invalid_date");
/** A decimal typed with thousands separators or as a number; bounds per field. */
const decimal = (min: number, max: number, msg = "validation.not_a_number") =>
  z
    .union([z.number(), z.string()])
    .transform((v) => Number(String(v).replace(/[,，\s]/g, "")))
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, msg);

/** One product line: from the library (productId) or typed by hand (description, categoryId and its parameters). */
export const lineInput = z.object({
  productId: optionalId,
  categoryId: optionalId,
  description: optionalText(200),
  params: z.record(z.string(), z.unknown()).default({}),
  quantity: decimal(0.001, 1e9, "validation.quantity_positive"),
  unitCode: optionalText(20),
  unitPrice: decimal(0, 1e9),
  discountPct: z.union([z.number(), z.string()]).nullish().transform((v) => (v === "" || v == null ? 0 : Number(String(v).replace(/[%\s]/g, "")))).refine((v) => Number.isFinite(v) && v >= 0 && v <= 100, "validation.discount_range"),
  unitCost: z.union([z.number(), z.string()]).nullish().transform((v) => (v === "" || v == null ? null : Number(String(v).replace(/[,，\s]/g, "")))).refine((v) => v === null || (Number.isFinite(v) && v >= 0 && v <= 1e9), "validation.not_a_number"),
  expectedDelivery: optionalDay,
});
export type CheckedLine = z.output<typeof lineInput>;

export const linesInput = z.array(z.unknown()).max(200, "validation.too_many_lines");

/** A new opportunity: from scratch, from a converted lead (leadId) and/or copied from a past one (copyFromId). */
export const opportunityInput = z.object({
  name: z.string().trim().min(2, "validation.opportunity_name").max(100),
  customerId: optionalId,
  leadId: optionalId,
  copyFromId: optionalId,
  expectedCloseDate: optionalDay,
  note: optionalText(2000),
  /** One of the master data's currencies (checked by the use-case); a copy keeps its source's. */
  currencyCode: z.string().trim().toUpperCase().max(10).nullish().transform((v) => v || "CNY"),
});
export type OpportunityInput = z.input<typeof opportunityInput>;

/** The header fields an owner changes on the detail page. */
export const opportunityHeaderInput = z.object({
  name: z.string().trim().min(2, "validation.opportunity_name").max(100),
  expectedCloseDate: optionalDay,
  probability: z.coerce.number().int("validation.probability_range").min(0, "validation.probability_range").max(100, "validation.probability_range"),
  note: optionalText(2000),
  /** Left out: unchanged. Changed only while the opportunity is open. */
  currencyCode: z.string().trim().toUpperCase().max(10).nullish().transform((v) => v || undefined),
});
export type OpportunityHeaderInput = z.input<typeof opportunityHeaderInput>;

export const moveInput = z.object({
  stage: z.enum(OPPORTUNITY_STAGES, { message: "validation.required" }),
  lostReason: optionalText(500),
});
export type MoveInput = z.input<typeof moveInput>;

/** A yyyy-mm-dd day as the Date Prisma stores in a date column. */
export const dayDate = (v: string | null) => (v ? new Date(`${v}T00:00:00Z`) : null);
