"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import type { CalendarDayInput } from "@/lib/calendar/calendar.schema";
import { removeCalendarDay, setCalendarDay } from "@/lib/calendar/edit-calendar";

export const setCalendarDayAction = employeeAction("calendar.manage", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const r = await setCalendarDay(db, actor, input as CalendarDayInput);
  revalidatePath("/admin/calendar");
  return r;
});

export const removeCalendarDayAction = employeeAction("calendar.manage", z.object({ day: z.string().max(10) }), async ({ day }, { actor, db }) => {
  await removeCalendarDay(db, actor, day);
  revalidatePath("/admin/calendar");
  return { day };
});
