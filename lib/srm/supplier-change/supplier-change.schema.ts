import { z } from "zod";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `validation.too_long?max=${max}`)
    .nullish()
    .transform((v) => v || null);

/** A proposed change: the whole form as the user left it (pre-filled with the archive); only what differs is stored. */
export const supplierChangeInput = z.object({
  supplierId: z.string().uuid(),
  name: z.string().trim().min(1, "validation.required").max(200, "validation.too_long?max=200"),
  taxCode: text(40),
  paymentTermCode: text(40),
  contactName: text(100),
  contactPhone: text(40),
  address: text(300),
  bankName: text(100),
  // Chinese bank account numbers: 8 to 30 digits; spaces and dashes as typed from a card are dropped.
  bankAccount: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.replace(/[\s-]/g, "") : null))
    .refine((v) => v === null || /^\d{8,30}$/.test(v), "validation.bank_account_format"),
  reason: z.string().trim().min(1, "validation.required").max(500, "validation.too_long?max=500"),
});

export type SupplierChangeInput = z.input<typeof supplierChangeInput>;
