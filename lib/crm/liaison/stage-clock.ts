import "server-only";
import { addWorkingDays, type CalendarOverrides, endOfShanghaiDay, shanghaiDayOf } from "../../calendar/working-days";

/**
 * When a stage is planned to finish, from the moment its sequence group opened: N working
 * days on the company calendar after that day (end of the Shanghai day), or the end of the
 * fixed date it was given.
 */
export function plannedFinish(startedAt: Date, deadline: { deadlineDays: number | null; deadlineDate: Date | null }, calendar: CalendarOverrides): Date {
  if (deadline.deadlineDate) return endOfShanghaiDay(deadline.deadlineDate.toISOString().slice(0, 10));
  return endOfShanghaiDay(addWorkingDays(shanghaiDayOf(startedAt), deadline.deadlineDays ?? 1, calendar));
}
