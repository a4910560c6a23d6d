import { describe, expect, it } from "vitest";
import { COUNT_CAP, countWindow, pagerOf } from "./count-tasks";

describe("the inbox pager's capped count", () => {
  it("counts exactly below the cap", () => {
    expect(pagerOf(0, 1, 20)).toEqual({ total: 0, totalCapped: false, pages: 1 });
    expect(pagerOf(41, 1, 20)).toEqual({ total: 41, totalCapped: false, pages: 3 });
    expect(pagerOf(COUNT_CAP, 1, 20)).toEqual({ total: COUNT_CAP, totalCapped: false, pages: COUNT_CAP / 20 });
  });

  it("past the cap says 'more than' and still offers the next page", () => {
    expect(countWindow(1, 20)).toBe(COUNT_CAP);
    expect(pagerOf(COUNT_CAP + 1, 1, 20)).toEqual({ total: COUNT_CAP, totalCapped: true, pages: COUNT_CAP / 20 + 1 });
  });

  it("deeper than the cap, counts up to the page asked for, so paging on never ends at the cap", () => {
    const last = COUNT_CAP / 20;
    expect(countWindow(last + 1, 20)).toBe(COUNT_CAP + 20);
    expect(pagerOf(COUNT_CAP + 21, last + 1, 20)).toEqual({ total: COUNT_CAP + 20, totalCapped: true, pages: last + 2 });
    // The real end: the count fits in the window, so no page past it is offered.
    expect(pagerOf(COUNT_CAP + 5, last + 1, 20)).toEqual({ total: COUNT_CAP + 5, totalCapped: false, pages: last + 1 });
  });
});
