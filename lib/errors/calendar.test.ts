import { describe, expect, it } from "vitest";
import { isCalendarDay, isLocalDateTime } from "./calendar";

describe("calendar dates", () => {
  it.each([
    ["2030-01-31", true],
    ["2028-02-29", true],
    ["2030-12-01", true],
    ["2030-13-45", false],
    ["0000-00-00", false],
    ["2030-02-30", false],
    ["2029-02-29", false],
    ["2030-04-31", false],
    ["2030-00-10", false],
    ["2030-1-1", false],
    ["1899-12-31", false],
    ["2200-01-01", false],
    ["2030-01-01T00:00", false],
    ["", false],
  ])("%s is a day: %s", (s, ok) => expect(isCalendarDay(s)).toBe(ok));

  it.each([
    ["2030-02-28T09:00", true],
    ["2030-02-30T09:00", false],
    ["2030-02-28T24:00", false],
    ["2030-02-28T09:60", false],
    ["2030-02-28 09:00", false],
  ])("%s is a local time: %s", (s, ok) => expect(isLocalDateTime(s)).toBe(ok));
});
