import { z } from "zod";
import { parseInput } from "../errors/parse-input";

// The portal's list states, read from URL search params; every field falls back to its
// default, so a hand-edited address never fails the page.

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const PORTAL_PAGE_SIZE = 20;

const query = z.object({
  status: z.string().trim().max(20).catch("all"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PortalListQuery = z.infer<typeof query>;

/** status (one of `statuses`, else all), q (a record number), page. */
export function parsePortalListQuery(params: SearchParams, statuses: readonly string[] = []): PortalListQuery {
  const parsed = parseInput(query, { status: one(params.status) ?? "all", q: one(params.q) ?? "", page: one(params.page) });
  return { ...parsed, status: statuses.includes(parsed.status) ? parsed.status : "all" };
}
