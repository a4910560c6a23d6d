import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max, "validation.too_big").nullish().transform((v) => v || null);

/** A person at the customer (CRM-2): name, title, phone, e-mail, and whether they are the main contact. */
export const customerContactInput = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.too_big"),
  title: optionalText(60),
  phone: z
    .string()
    .trim()
    .max(40, "validation.too_big")
    .regex(/^[0-9+\-()\s]*$/, "validation.invalid_phone")
    .refine((v) => !v || v.replace(/\D/g, "").length >= 5, "validation.invalid_phone")
    .nullish()
    .transform((v) => v || null),
  email: z.string().trim().max(200, "validation.too_big").email("validation.invalid_email").nullish().or(z.literal("")).transform((v) => v || null),
  primary: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).nullish().transform((v) => v === true || v === "on" || v === "true"),
});
export type CustomerContactInput = z.input<typeof customerContactInput>;
