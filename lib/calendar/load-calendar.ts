import "server-only";
import type { Db, Tx } from "../db/client";
import type { CalendarOverrides, DayKind } from "./working-days";

/**
 * The working calendar's overrides as the arithmetic reads them. A few dozen rows a year:
 * read whole on every use, so an edit on the admin page counts at once everywhere.
 */
export async function loadCalendar(db: Db | Tx): Promise<CalendarOverrides> {
  const rows = await db.workCalendarDay.findMany({ select: { day: true, kind: true } });
  return new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r.kind as DayKind]));
}
