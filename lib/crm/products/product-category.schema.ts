import { z } from "zod";
import { paramDefList } from "./param-defs";

/** A product category of the library (CRM-4) with its parameter definitions; the admin page's form and the action share it. */
export const productCategoryInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/i, "validation.category_code").transform((v) => v.toUpperCase()),
  nameZh: z.string().trim().min(1, "validation.required").max(40),
  nameEn: z.string().trim().min(1, "validation.required").max(60),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0),
  active: z.boolean().default(true),
  paramDefs: paramDefList,
});
export type ProductCategoryInput = z.input<typeof productCategoryInput>;

/** A library product's category and technical parameter values (/crm/products). */
export const productLibraryInput = z.object({
  productId: z.string().trim().max(40),
  categoryId: z.string().trim().max(40).nullish().transform((v) => v || null),
  techParams: z.record(z.string(), z.unknown()).default({}),
});
export type ProductLibraryInput = z.input<typeof productLibraryInput>;
