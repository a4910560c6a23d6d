import { z } from "zod";
import { parseInput } from "../../errors/parse-input";
import { OPPORTUNITY_STAGES } from "./opportunity.schema";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).catch("").or(z.literal("")).catch("");
const id = z.string().trim().regex(/^[0-9a-f-]{36}$/i).catch("").or(z.literal("")).catch("");

export const OPPORTUNITY_STAGE_FILTERS = ["open", ...OPPORTUNITY_STAGES, "any"] as const;

const query = z.object({
  stage: z.enum(OPPORTUNITY_STAGE_FILTERS).catch("open"),
  owner: id,
  customer: id,
  closeFrom: day,
  closeTo: day,
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OpportunityListQuery = z.infer<typeof query>;

/** The filters a saved view keeps (all but the page). */
export const OPPORTUNITY_VIEW_KEYS = ["stage", "owner", "customer", "closeFrom", "closeTo", "q"] as const;

/** The opportunity list's state from the address; anything malformed falls back to its default. */
export function parseOpportunityListQuery(params: SearchParams): OpportunityListQuery {
  return parseInput(query, { stage: one(params.stage), owner: one(params.owner) ?? "", customer: one(params.customer) ?? "", closeFrom: one(params.closeFrom) ?? "", closeTo: one(params.closeTo) ?? "", q: one(params.q) ?? "", page: one(params.page) });
}
