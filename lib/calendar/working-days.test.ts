import { describe, expect, it } from "vitest";
import { chinaPublicHolidays } from "./china-public-holidays";
import { addWorkingDays, dueSoonCutoff, dueStatus, endOfShanghaiDay, isWorkingDay, nextWorkingDay, shanghaiDayOf, workingDaysBetween } from "./working-days";

const cn = new Map(chinaPublicHolidays().map((d) => [d.day, d.kind] as const));
const none = new Map();

describe("working-day arithmetic on the Chinese calendar", () => {
  it("knows weekends, holidays and make-up Saturdays", () => {
    expect(isWorkingDay("2026-03-06", cn)).toBe(true); // Friday
    expect(isWorkingDay("2026-03-07", cn)).toBe(false); // Saturday
    expect(isWorkingDay("2026-02-16", cn)).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDay("2026-02-14", cn)).toBe(true); // make-up Saturday before it
    expect(isWorkingDay("2026-02-28", cn)).toBe(true); // make-up Saturday after it
    expect(isWorkingDay("2026-01-04", cn)).toBe(true); // make-up Sunday after New Year
    expect(isWorkingDay("2026-10-08", cn)).toBe(true);
    expect(isWorkingDay("2026-10-07", cn)).toBe(false);
  });

  it("adds working days across the Spring Festival", () => {
    // Friday 13 Feb + 1: the make-up Saturday 14 Feb; + 2: Tuesday 24 Feb, after nine days off.
    expect(addWorkingDays("2026-02-13", 1, cn)).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-13", 2, cn)).toBe("2026-02-24");
    expect(addWorkingDays("2026-02-13", 6, cn)).toBe("2026-02-28");
    expect(addWorkingDays("2026-02-13", 7, cn)).toBe("2026-03-02");
    // Without the calendar the same sum is plain weekdays.
    expect(addWorkingDays("2026-02-13", 2, none)).toBe("2026-02-17");
  });

  it("adds zero days as the day itself or the next working day", () => {
    expect(addWorkingDays("2026-03-06", 0, cn)).toBe("2026-03-06");
    expect(addWorkingDays("2026-03-07", 0, cn)).toBe("2026-03-09");
    expect(addWorkingDays("2026-02-15", 0, cn)).toBe("2026-02-24");
    expect(() => addWorkingDays("2026-03-06", -1, cn)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-3-6", 1, cn)).toThrow(RangeError);
  });

  it("adds working days over the National Day week and its make-up days", () => {
    // Friday 18 Sep + 1 is the make-up Sunday 20 Sep.
    expect(addWorkingDays("2026-09-18", 1, cn)).toBe("2026-09-20");
    // Wednesday 30 Sep + 1: Thursday 8 Oct; + 3: the make-up Saturday 10 Oct.
    expect(addWorkingDays("2026-09-30", 1, cn)).toBe("2026-10-08");
    expect(addWorkingDays("2026-09-30", 3, cn)).toBe("2026-10-10");
  });

  it("counts working days between two days, signed", () => {
    expect(workingDaysBetween("2026-02-13", "2026-02-24", cn)).toBe(2);
    expect(workingDaysBetween("2026-02-24", "2026-02-13", cn)).toBe(-2);
    expect(workingDaysBetween("2026-03-06", "2026-03-06", cn)).toBe(0);
    expect(workingDaysBetween("2026-03-06", "2026-03-09", cn)).toBe(1);
    // All of February 2026: 20 weekdays, 6 of them holidays, plus two make-up Saturdays.
    expect(workingDaysBetween("2026-01-31", "2026-02-28", cn)).toBe(16);
    for (let n = 0; n < 30; n++) expect(workingDaysBetween("2026-02-10", addWorkingDays("2026-02-10", n, cn), cn)).toBe(n);
  });

  it("works in Asia/Shanghai days", () => {
    // 16:30 UTC on 5 March is already 6 March in Shanghai.
    expect(shanghaiDayOf(new Date("2026-03-05T16:30:00Z"))).toBe("2026-03-06");
    expect(shanghaiDayOf(new Date("2026-03-05T15:59:59Z"))).toBe("2026-03-05");
    expect(endOfShanghaiDay("2026-03-06").toISOString()).toBe("2026-03-06T15:59:59.999Z");
    expect(nextWorkingDay("2026-02-13", cn)).toBe("2026-02-14");
  });

  it("tells overdue, due soon and on time", () => {
    const planned = endOfShanghaiDay("2026-03-10"); // Tuesday
    expect(dueStatus(planned, null, new Date("2026-03-11T01:00:00Z"), cn)).toBe("overdue");
    expect(dueStatus(planned, null, new Date("2026-03-10T02:00:00Z"), cn)).toBe("due_soon"); // due today
    expect(dueStatus(planned, null, new Date("2026-03-09T02:00:00Z"), cn)).toBe("due_soon"); // due tomorrow
    expect(dueStatus(planned, null, new Date("2026-03-06T02:00:00Z"), cn)).toBe("on_time"); // Friday: two working days left
    expect(dueStatus(planned, new Date("2026-03-10T09:00:00Z"), new Date("2026-04-01T00:00:00Z"), cn)).toBe("on_time");
    expect(dueStatus(planned, new Date("2026-03-10T16:00:00Z"), new Date("2026-04-01T00:00:00Z"), cn)).toBe("overdue");
    // On the Friday before the Spring Festival the next working day is the make-up Saturday.
    expect(dueSoonCutoff(new Date("2026-02-13T02:00:00Z"), cn).toISOString()).toBe("2026-02-14T15:59:59.999Z");
    // On the last day before nine days off, a stage due on the first day back is not yet due soon.
    expect(dueStatus(endOfShanghaiDay("2026-02-24"), null, new Date("2026-02-14T02:00:00Z"), cn)).toBe("due_soon");
    expect(dueStatus(endOfShanghaiDay("2026-02-25"), null, new Date("2026-02-14T02:00:00Z"), cn)).toBe("on_time");
  });

  it("ships one row a day, sorted, with no day twice", () => {
    const days = chinaPublicHolidays().map((d) => d.day);
    expect(new Set(days).size).toBe(days.length);
    expect([...days].sort()).toEqual(days);
    expect(days.filter((d) => d.startsWith("2026-02-1") || d.startsWith("2026-02-2"))).toHaveLength(11);
  });
});
