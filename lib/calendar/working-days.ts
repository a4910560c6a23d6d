/**
 * Working-day arithmetic on the company's calendar (CRM-8): Monday to Friday are working
 * days, Saturday and Sunday are not, except where an override says otherwise (a public
 * holiday on a weekday, a make-up working day 调休 on a weekend). Days are Asia/Shanghai
 * calendar days written YYYY-MM-DD; pure functions, no database.
 */
export type DayKind = "holiday" | "workday";
export type CalendarOverrides = ReadonlyMap<string, DayKind>;

const DAY_MS = 864e5;
const SHANGHAI_MS = 8 * 3600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const toUtc = (day: string) => {
  if (!ISO_DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day after (or before, with a negative step) a day. */
function shiftDay(day: string, by: number): string {
  return fromUtc(toUtc(day) + by * DAY_MS);
}

/** The Asia/Shanghai calendar day of an instant (China has no daylight saving time). */
export function shanghaiDayOf(at: Date): string {
  return fromUtc(at.getTime() + SHANGHAI_MS);
}

/** The last millisecond of a Shanghai day: a deadline "by that day" ends there. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(toUtc(day) + DAY_MS - SHANGHAI_MS - 1);
}

export function isWorkingDay(day: string, overrides: CalendarOverrides): boolean {
  const kind = overrides.get(day);
  if (kind) return kind === "workday";
  const weekday = new Date(toUtc(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** A calendar year has at most a few weeks off in a row; this bounds every walk. */
const MAX_WALK = 3660;

/** The first working day strictly after a day. */
export function nextWorkingDay(day: string, overrides: CalendarOverrides): string {
  let d = day;
  for (let i = 0; i < MAX_WALK; i++) {
    d = shiftDay(d, 1);
    if (isWorkingDay(d, overrides)) return d;
  }
  throw new RangeError("no working day within ten years");
}

/**
 * The n-th working day after a day (the day itself not counted): "3 working days from
 * Friday" is Wednesday. n = 0 is the day itself when it is a working day, else the next one.
 */
export function addWorkingDays(day: string, n: number, overrides: CalendarOverrides): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0: ${n}`);
  if (n === 0) return isWorkingDay(day, overrides) ? day : nextWorkingDay(day, overrides);
  let d = day;
  for (let left = n; left > 0; left--) d = nextWorkingDay(d, overrides);
  return d;
}

/**
 * Working days in (from, to]: how many working days pass from one day to a later one
 * (0 for the same day); negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, overrides: CalendarOverrides): number {
  const a = toUtc(from);
  const b = toUtc(to);
  if (b < a) return -workingDaysBetween(to, from, overrides);
  // Weekdays by whole weeks and the few days left, then each override in range corrects
  // its day: a report counts this for every row, so no walk over every day.
  const days = Math.round((b - a) / DAY_MS);
  let count = Math.floor(days / 7) * 5;
  for (let ms = a + (days - (days % 7) + 1) * DAY_MS; ms <= b; ms += DAY_MS) {
    const wd = new Date(ms).getUTCDay();
    if (wd !== 0 && wd !== 6) count++;
  }
  for (const [day, kind] of overrides) {
    if (day <= from || day > to) continue;
    const wd = new Date(toUtc(day)).getUTCDay();
    const weekday = wd !== 0 && wd !== 6;
    if (kind === "holiday" && weekday) count--;
    if (kind === "workday" && !weekday) count++;
  }
  return count;
}

export type DueStatus = "overdue" | "due_soon" | "on_time";

/**
 * A stage's standing against its planned finish: finished late, or open past it, is
 * overdue; open and due by the end of the next working day is due soon; else on time.
 */
export function dueStatus(plannedFinish: Date, actualFinish: Date | null, at: Date, overrides: CalendarOverrides): DueStatus {
  if (actualFinish) return actualFinish.getTime() > plannedFinish.getTime() ? "overdue" : "on_time";
  if (at.getTime() > plannedFinish.getTime()) return "overdue";
  return plannedFinish.getTime() <= dueSoonCutoff(at, overrides).getTime() ? "due_soon" : "on_time";
}

/** Open stages planned to finish by this instant are due soon: the end of the next working day. */
export function dueSoonCutoff(at: Date, overrides: CalendarOverrides): Date {
  return endOfShanghaiDay(nextWorkingDay(shanghaiDayOf(at), overrides));
}
