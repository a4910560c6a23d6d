/**
 * A list page's address with its filters: blank values and "all" (every list's
 * no-filter value) are left out, and so is page 1, so that the plain path is the
 * unfiltered first page.
 */
export function listHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "" || value === "all") continue;
    if (key === "page" && Number(value) <= 1) continue;
    p.set(key, String(value));
  }
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
