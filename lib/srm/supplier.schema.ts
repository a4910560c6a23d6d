import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password-rules";

export const supplierInput = z.object({
  code: z.string().trim().min(1).max(40).regex(/^[A-Z0-9_-]+$/i, "validation.code_format"),
  name: z.string().trim().min(1).max(200),
  taxCode: z.string().trim().max(40).nullish().transform((v) => v || null),
  paymentTermCode: z.string().trim().max(40).nullish().transform((v) => v || null),
  contactName: z.string().trim().max(100).nullish().transform((v) => v || null),
  contactPhone: z.string().trim().max(40).nullish().transform((v) => v || null),
  address: z.string().trim().max(300).nullish().transform((v) => v || null),
  status: z.enum(["registered", "potential", "active", "suspended"]).default("registered"),
});

export const supplierUserInput = z.object({
  supplierId: z.string().uuid(),
  username: z.string().trim().toLowerCase().min(2).max(60).regex(/^[a-z0-9._-]+$/, "validation.username_format"),
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().email().nullish().or(z.literal("")).transform((v) => v || null),
  password: z.string().min(MIN_PASSWORD_LENGTH, "validation.password_too_short").max(200),
  /** The supplier's own administrator (manages its colleagues in the portal). */
  isAdmin: z.boolean().default(false),
});

export type SupplierInput = z.input<typeof supplierInput>;
export type SupplierUserInput = z.input<typeof supplierUserInput>;
