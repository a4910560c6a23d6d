/**
 * A saved view is its list's URL search params. This is their one canonical form
 * (keys sorted, empty values and paging dropped), so a saved view and the current
 * address compare as strings. Shared by server and client.
 */
type Params = URLSearchParams | Record<string, string | string[] | undefined> | string;

const DROPPED = new Set(["page"]);

function pairs(params: Params): [string, string][] {
  if (typeof params === "string") return [...new URLSearchParams(params.startsWith("?") ? params.slice(1) : params).entries()];
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
}

export function viewSearch(params: Params): string {
  const kept = pairs(params)
    .map(([k, v]): [string, string] => [k, v.trim()])
    .filter(([k, v]) => v !== "" && !DROPPED.has(k));
  // A stable sort keeps repeated keys (a=1&a=2) in their order.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(kept).toString();
}
