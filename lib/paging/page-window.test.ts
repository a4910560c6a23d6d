import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window";

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
