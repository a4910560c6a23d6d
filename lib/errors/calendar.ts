import { z } from "zod";

// Dates as people enter them (2026-11-28) and local times (2026-11-28T09:30), checked
// against the calendar: 2030-13-45, 0000-00-00 and 2030-02-30 are not days. Years outside
// 1900..2199 are refused too: no order, delivery or deadline of this product lies there.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function realDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  return !!m && realDay(+m[1], +m[2], +m[3]);
}

export function isLocalDateTime(s: string): boolean {
  const m = LOCAL.exec(s);
  return !!m && realDay(+m[1], +m[2], +m[3]) && +m[4] < 24 && +m[5] < 60;
}

/** A calendar day, YYYY-MM-DD. */
export const calendarDay = (message = "validation.invalid_date") => z.string().trim().refine(isCalendarDay, message);

/** A local date and time as <input type="datetime-local"> sends it, YYYY-MM-DDTHH:mm. */
export const localDateTime = (message = "validation.invalid_date") => z.string().trim().refine(isLocalDateTime, message);
