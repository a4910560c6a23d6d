// Documents are valid through the day their "valid until" names, in the factory's time zone
// (China: UTC+8, no daylight saving). Dates are stored as UTC midnight of that day.
const ZONE_OFFSET_MS = 8 * 36e5;
const DAY_MS = 864e5;

/** The calendar day (YYYY-MM-DD) it is at this instant in the factory's time zone. */
export function factoryDay(at: Date): string {
  return new Date(at.getTime() + ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

/** A stored date as YYYY-MM-DD. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Whole days from today until the last valid day: 0 on that day, negative once expired. */
export function daysLeft(validUntil: Date, at: Date): number {
  return Math.round((Date.parse(dayOf(validUntil)) - Date.parse(factoryDay(at))) / DAY_MS);
}

/** The reminder due now: the nearest stage the document has reached, "expired" past its last day, null before 30 days. */
export function reminderStage(left: number): "30" | "7" | "expired" | null {
  if (left < 0) return "expired";
  if (left <= 7) return "7";
  if (left <= 30) return "30";
  return null;
}
