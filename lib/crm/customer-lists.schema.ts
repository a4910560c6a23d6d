import { z } from "zod";
import { parseInput } from "../errors/parse-input";
import { CUSTOMER_LEVELS } from "./customer.schema";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const CUSTOMER_PAGE_SIZE = 25;
export const CUSTOMER_VIEWS = ["mine", "team", "all"] as const;
export const CONTACT_FILTERS = ["any", "warn", "alert", "cold", "never"] as const;
export const CUSTOMER_STAGES = ["prospect", "customer", "inactive"] as const;
const uuidOrEmpty = z.string().trim().regex(/^([0-9a-f-]{36})?$/i).catch("");

const query = z.object({
  view: z.enum(CUSTOMER_VIEWS).catch("mine"),
  q: z.string().trim().max(100).catch(""),
  level: z.enum(CUSTOMER_LEVELS).or(z.literal("")).catch(""),
  tag: z.string().trim().max(20).catch(""),
  stage: z.enum(CUSTOMER_STAGES).or(z.literal("")).catch(""),
  region: z.string().trim().max(60).catch(""),
  industry: z.string().trim().max(60).catch(""),
  category: uuidOrEmpty,
  /** For a sales lead: one rep's customers. */
  owner: uuidOrEmpty,
  contact: z.enum(CONTACT_FILTERS).catch("any"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CustomerListQuery = z.infer<typeof query>;

/** The customer list's state from the address; anything malformed falls back to its default. */
export function parseCustomerListQuery(params: SearchParams): CustomerListQuery {
  const text = (k: string) => one(params[k]) ?? "";
  return parseInput(query, {
    view: one(params.view),
    q: text("q"),
    level: text("level"),
    tag: text("tag"),
    stage: text("stage"),
    region: text("region"),
    industry: text("industry"),
    category: text("category"),
    owner: text("owner"),
    contact: one(params.contact),
    page: one(params.page),
  });
}
