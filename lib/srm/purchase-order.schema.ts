import { z } from "zod";
import { calendarDay } from "../errors/calendar";
import { AppError } from "../errors/app-error";
import { cleanInput } from "../errors/parse-input";

const day = calendarDay();
/** Messages of the order entry form (srm.orderEntry.errors.*), shown at the field they concern. */
const E = "srm.orderEntry.errors";
/** A number as a form sends it: "" is "not filled in", not zero. */
const number = (message: string) => z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number({ error: message }).refine(Number.isFinite, message));

const purchaseOrderInput = z.object({
  supplierId: z.string({ error: `${E}.supplier` }).uuid(`${E}.supplier`),
  currencyCode: z.string().trim().min(1).max(10).default("CNY"),
  orderDate: day.nullish().transform((v) => v || null),
  /** The entry form's submission token: the same form sent twice makes one order. */
  entryKey: z.string().uuid().nullish().transform((v) => v || null),
  lines: z
    .array(
      z.object({
        productCode: z.string({ error: `${E}.product` }).trim().min(1, `${E}.product`).max(60),
        description: z.string().trim().max(300).nullish().transform((v) => v || null),
        quantity: number(`${E}.quantity`).pipe(z.number().positive(`${E}.quantityPositive`).max(1e9, "validation.number_out_of_range")),
        unitCode: z.string().trim().max(20).nullish().transform((v) => v || null),
        unitPrice: number(`${E}.price`).pipe(z.number().min(0, `${E}.price`).max(1e10, "validation.number_out_of_range")),
        requestedDate: day.nullish().transform((v) => v || null),
      }),
    )
    .min(1, `${E}.noLines`)
    .max(200),
});

export type PurchaseOrderInput = z.input<typeof purchaseOrderInput>;

/**
 * The order as entered, cleaned and parsed; a failure names each field where the form
 * shows it: top-level fields by name, line fields as "lines.<index>.<field>".
 */
export function parsePurchaseOrderInput(raw: unknown) {
  const parsed = purchaseOrderInput.safeParse(cleanInput(raw));
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [first, index, field] = issue.path;
    const key = first === "lines" && typeof index === "number" && field !== undefined ? `lines.${index}.${String(field)}` : String(first ?? "_");
    fieldErrors[key] ??= /^(validation|srm)\./.test(issue.message) ? issue.message : `validation.${issue.code}`;
  }
  throw new AppError("validation", { fieldErrors });
}
