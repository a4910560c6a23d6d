import { z } from "zod";

/** A knowledge-base article as written (CRM-0); shared by the form, the action and the seed. */
export const articleInput = z.object({
  title: z.string().trim().min(2, "validation.too_small").max(120, "validation.too_big"),
  categoryId: z.string().trim().min(1, "validation.required").max(40),
  body: z.string().trim().min(1, "validation.required").max(20_000, "validation.too_big"),
});
export type ArticleInput = z.input<typeof articleInput>;

export const categoryInput = z.object({
  nameZh: z.string().trim().min(2, "validation.too_small").max(30, "validation.too_big"),
  nameEn: z.string().trim().max(60, "validation.too_big").optional().transform((v) => v ?? ""),
});
export type CategoryInput = z.input<typeof categoryInput>;
