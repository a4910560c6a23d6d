import { z } from "zod";
import { isCalendarDay } from "../../errors/calendar";
import { parseInput } from "../../errors/parse-input";

// The receipt library's filters, read from URL search params; each falls back to its
// default, so a hand-edited address never fails the page.

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const day = z.string().trim().refine((v) => v === "" || isCalendarDay(v)).catch("");

const query = z.object({
  supplier: z.string().uuid().or(z.literal("")).catch(""),
  order: z.string().trim().max(60).catch(""),
  q: z.string().trim().max(60).catch(""),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ReceiptQuery = z.infer<typeof query>;

/** supplier (id), order (number), q (receipt number), from / to (receipt days, Beijing time), page. */
export function parseReceiptQuery(params: SearchParams): ReceiptQuery {
  return parseInput(query, { supplier: one(params.supplier) ?? "", order: one(params.order) ?? "", q: one(params.q) ?? "", from: one(params.from) ?? "", to: one(params.to) ?? "", page: one(params.page) });
}
