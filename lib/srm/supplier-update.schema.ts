import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

/** The supplier master data an employee may change (code and status have their own use-cases). */
export const supplierUpdateInput = z.object({
  id: z.string().uuid(),
  name: z.string().trim().min(1).max(200),
  taxCode: optionalText(40),
  paymentTermCode: optionalText(40),
  contactName: optionalText(100),
  contactPhone: optionalText(40),
  address: optionalText(300),
});

export type SupplierUpdateInput = z.input<typeof supplierUpdateInput>;
