import { z } from "zod";
import { readCustomFilterParams } from "../custom-fields/custom-fields.schema";
import { parseInput } from "../errors/parse-input";

// The purchasing overview's list states, read from URL search params; every field
// falls back to its default, so a hand-edited address never fails the page.

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const ORDER_STATUSES = ["open", "confirmed", "received", "declined", "cancelled"] as const;
export const PLAN_STATUSES = ["planned", "shipped", "received", "cancelled"] as const;
export const SUPPLIER_STATUSES = ["registered", "potential", "active", "suspended"] as const;
export const SRM_TABS = ["orders", "deliveries", "suppliers"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];

const STATUSES_OF = { orders: ORDER_STATUSES, deliveries: PLAN_STATUSES, suppliers: SUPPLIER_STATUSES } as const;

const query = z.object({
  tab: z.enum(SRM_TABS).catch("orders"),
  status: z.string().trim().max(20).catch("all"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
/** `cf`: the custom-field filters (cf_<key>=value), checked by the list against its fields. */
export type SrmListQuery = z.infer<typeof query> & { cf: Record<string, string> };

/** tab, status, q (order, plan or supplier number/name), page, custom-field filters; an unknown status (for the tab) means all. */
export function parseSrmListQuery(params: SearchParams): SrmListQuery {
  const parsed = parseInput(query, { tab: one(params.tab), status: one(params.status) ?? "all", q: one(params.q) ?? "", page: one(params.page) });
  const known: readonly string[] = STATUSES_OF[parsed.tab];
  return { ...parsed, status: known.includes(parsed.status) ? parsed.status : "all", cf: readCustomFilterParams(params) };
}
