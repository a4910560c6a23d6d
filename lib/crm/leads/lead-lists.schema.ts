import { z } from "zod";
import { parseInput } from "../../errors/parse-input";
import { LEAD_STATUSES } from "./lead.schema";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const LEAD_VIEWS = ["mine", "team", "pool"] as const;
export const LEAD_STATUS_FILTERS = ["open", ...LEAD_STATUSES, "all"] as const;

const query = z.object({
  view: z.enum(LEAD_VIEWS).catch("mine"),
  status: z.enum(LEAD_STATUS_FILTERS).catch("open"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type LeadListQuery = z.infer<typeof query>;

/** The lead list's state from the address; anything malformed falls back to its default. */
export function parseLeadListQuery(params: SearchParams): LeadListQuery {
  return parseInput(query, { view: one(params.view), status: one(params.status), q: one(params.q) ?? "", page: one(params.page) });
}
