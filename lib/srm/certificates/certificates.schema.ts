import { z } from "zod";
import { calendarDay } from "../../errors/calendar";

const code = z.string().trim().min(1, "validation.required").max(40, "validation.too_big").regex(/^[A-Za-z0-9_-]+$/, "validation.invalid_format");
const name = z.string().trim().min(1, "validation.required").max(80, "validation.too_big");
const uuid = z.string().uuid("validation.invalid_value");

/** A document type as the administrator maintains it (a new one when id is absent). */
export const certificateTypeInput = z.object({
  id: uuid.optional(),
  code,
  nameZh: name,
  nameEn: z.string().trim().max(80, "validation.too_big").optional().default(""),
  validityRequired: z.boolean(),
});

/** A supplier category (a new one when id is absent). */
export const supplierCategoryInput = z.object({
  id: uuid.optional(),
  code,
  nameZh: name,
  nameEn: z.string().trim().max(80, "validation.too_big").optional().default(""),
});

/** Whether suppliers of a category must hold documents of a type. */
export const certificateRequirementInput = z.object({ categoryId: uuid, typeId: uuid, required: z.boolean() });

/** The categories purchasing gives a supplier (all of them: the others are taken away). */
export const supplierCategoriesInput = z.object({ supplierId: uuid, categoryIds: z.array(uuid).max(50) });

/** A document the supplier hands in: its file was uploaded first (POST /api/files, owner "Supplier"). */
export const supplierDocumentInput = z
  .object({
    typeId: uuid,
    number: z.string().trim().min(1, "validation.required").max(80, "validation.too_big"),
    validFrom: calendarDay().optional().or(z.literal("")).transform((v) => v || null),
    validUntil: calendarDay().optional().or(z.literal("")).transform((v) => v || null),
    fileId: uuid,
  })
  .refine((d) => !d.validFrom || !d.validUntil || d.validFrom <= d.validUntil, { path: ["validUntil"], message: "validation.date_range" });
