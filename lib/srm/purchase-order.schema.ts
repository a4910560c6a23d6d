import { z } from "zod";
import { calendarDay } from "../errors/calendar";

const day = calendarDay();

export const purchaseOrderInput = z.object({
  supplierId: z.string().uuid(),
  currencyCode: z.string().trim().min(1).max(10).default("CNY"),
  orderDate: day.nullish().transform((v) => v || null),
  lines: z
    .array(
      z.object({
        productCode: z.string().trim().min(1).max(60),
        description: z.string().trim().max(300).nullish().transform((v) => v || null),
        quantity: z.coerce.number().positive().max(1e9),
        unitCode: z.string().trim().max(20).nullish().transform((v) => v || null),
        unitPrice: z.coerce.number().min(0).max(1e10),
        requestedDate: day.nullish().transform((v) => v || null),
      }),
    )
    .min(1)
    .max(200),
});

export type PurchaseOrderInput = z.input<typeof purchaseOrderInput>;
