import { z } from "zod";

/** One stage of a liaison form as entered: a department, its place in the order, what to do, by when. */
const stageInput = z
  .object({
    seq: z.coerce.number({ message: "validation.not_a_number" }).int("validation.not_a_number").min(1, "validation.number_min?min=1").max(99, "validation.number_max?max=99"),
    departmentId: z.string().trim().min(1, "validation.required").max(40),
    task: z.string().trim().min(2, "validation.too_small").max(500, "validation.too_big"),
    deadlineDays: z.coerce.number().int("validation.not_a_number").min(1, "validation.number_min?min=1").max(250, "validation.number_max?max=250").optional().nullable().or(z.literal("").transform(() => null)),
    deadlineDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid_date").optional().nullable().or(z.literal("").transform(() => null)),
  })
  .refine((s) => !!s.deadlineDays !== !!s.deadlineDate, { message: "validation.liaison_deadline", path: ["deadlineDays"] });

/** A liaison form (需求联络单, CRM-8) raised from a requirement, or from an opportunity directly. */
export const liaisonFormInput = z
  .object({
    requirementId: z.string().trim().max(40).optional().nullable().transform((v) => v || null),
    opportunityId: z.string().trim().max(40).optional().nullable().transform((v) => v || null),
    title: z.string().trim().min(2, "validation.too_small").max(120, "validation.too_big"),
    stages: z.array(stageInput).min(1, "validation.liaison_stages").max(30, "validation.too_big"),
  })
  .refine((f) => !!f.requirementId || !!f.opportunityId, { message: "validation.required", path: ["requirementId"] });
export type LiaisonFormInput = z.input<typeof liaisonFormInput>;

export const DUE_FILTERS = ["overdue", "due_soon", "on_time", "open", "done"] as const;

/** The report's filters, read from the URL. */
export const liaisonReportQuery = z.object({
  customer: z.string().trim().max(40).optional().catch(undefined),
  opportunity: z.string().trim().max(40).optional().catch(undefined),
  department: z.string().trim().max(40).optional().catch(undefined),
  due: z.enum(DUE_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type LiaisonReportQuery = z.infer<typeof liaisonReportQuery>;
