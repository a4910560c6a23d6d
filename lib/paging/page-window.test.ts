import { describe, expect, it } from "vitest";
import { countedPage, pageWindow } from "./page-window";

describe("pageWindow", () => {
  it("counts pages and the rows of the one asked for", () => {
    expect(pageWindow(41, 2, 20)).toEqual({ page: 2, pageCount: 3, skip: 20, take: 20 });
    expect(pageWindow(40, 2, 20)).toEqual({ page: 2, pageCount: 2, skip: 20, take: 20 });
  });

  it("holds a page past the end to the last one, and an empty list to page 1", () => {
    expect(pageWindow(41, 9, 20)).toEqual({ page: 3, pageCount: 3, skip: 40, take: 20 });
    expect(pageWindow(0, 5, 20)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 20 });
    expect(pageWindow(10, 0, 20)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 20 });
  });
});

describe("countedPage", () => {
  const rows = Array.from({ length: 41 }, (_, i) => i);
  const read = (skip: number, take: number) => Promise.resolve(rows.slice(skip, skip + take));

  it("reads the count and the page asked for at once", async () => {
    let reads = 0;
    const r = await countedPage(() => Promise.resolve(41), (s, t) => (reads++, read(s, t)), 2, 20);
    expect(r).toEqual({ page: 2, pageCount: 3, skip: 20, take: 20, total: 41, rows: rows.slice(20, 40) });
    expect(reads).toBe(1);
  });

  it("reads the last page again when the one asked for was past the end", async () => {
    let reads = 0;
    const r = await countedPage(() => Promise.resolve(41), (s, t) => (reads++, read(s, t)), 9, 20);
    expect(r).toMatchObject({ page: 3, total: 41, rows: [40] });
    expect(reads).toBe(2);
  });
});
