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

/**
 * pageWindow with the count and the page asked for read at once (one round trip less);
 * the page is read again, held to the last one, only when the one asked for was past the end.
 */
export async function countedPage<T>(count: () => Promise<number>, read: (skip: number, take: number) => Promise<T[]>, page: number, size: number) {
  const asked = (Math.max(1, page) - 1) * size;
  const [total, first] = await Promise.all([count(), read(asked, size)]);
  const w = pageWindow(total, page, size);
  return { ...w, total, rows: w.skip === asked ? first : await read(w.skip, w.take) };
}
