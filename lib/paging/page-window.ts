/**
 * A server-side list page: the page asked for, held to the last one there is (a
 * hand-edited or stale address never shows an empty page past the end), how many pages
 * there are, and the rows to skip and take for it.
 */
export function pageWindow(total: number, page: number, size: number) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, page), pageCount);
  return { page: current, pageCount, skip: (current - 1) * size, take: size };
}
