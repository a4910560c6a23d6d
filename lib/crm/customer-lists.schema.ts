import { z } from "zod";
import { parseInput } from "../errors/parse-input";
import { CUSTOMER_LEVELS } from "./customer.schema";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const CUSTOMER_PAGE_SIZE = 25;
export const CUSTOMER_VIEWS = ["mine", "team", "all"] as const;
export const CONTACT_FILTERS = ["any", "warn", "alert", "cold", "never"] as const;

const query = z.object({
  view: z.enum(CUSTOMER_VIEWS).catch("mine"),
  q: z.string().trim().max(100).catch(""),
  level: z.enum(CUSTOMER_LEVELS).or(z.literal("")).catch(""),
  tag: z.string().trim().max(20).catch(""),
  contact: z.enum(CONTACT_FILTERS).catch("any"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CustomerListQuery = z.infer<typeof query>;

/** The customer list's state from the address; anything malformed falls back to its default. */
export function parseCustomerListQuery(params: SearchParams): CustomerListQuery {
  return parseInput(query, { view: one(params.view), q: one(params.q) ?? "", level: one(params.level) ?? "", tag: one(params.tag) ?? "", contact: one(params.contact), page: one(params.page) });
}
