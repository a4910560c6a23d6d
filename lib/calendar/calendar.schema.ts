import { z } from "zod";

/** One day set on the working calendar's admin page. */
export const calendarDayInput = z.object({
  day: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid_date"),
  kind: z.enum(["holiday", "workday"], { message: "validation.required" }),
  nameZh: z.string().trim().min(1, "validation.required").max(30, "validation.too_big"),
  nameEn: z.string().trim().max(60, "validation.too_big").optional().transform((v) => v ?? ""),
});
export type CalendarDayInput = z.input<typeof calendarDayInput>;
