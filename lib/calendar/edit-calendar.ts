import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { calendarDayInput, type CalendarDayInput } from "./calendar.schema";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The overrides of one year, in date order, for the admin page. */
export async function listCalendarDays(db: Db, who: Actor | null, year: number) {
  requirePermission(who, "calendar.manage");
  const rows = await db.workCalendarDay.findMany({ where: { day: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) } }, orderBy: { day: "asc" } });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), kind: r.kind, nameZh: r.nameZh, nameEn: r.nameEn }));
}

/** A day made a holiday or a make-up working day (calendar.manage), audited with what it was. */
export async function setCalendarDay(db: Db, who: Actor | null, raw: CalendarDayInput) {
  const actor = requirePermission(who, "calendar.manage");
  const input = parseInput(calendarDayInput, raw);
  if (Number.isNaN(Date.parse(`${input.day}T00:00:00Z`))) throw new AppError("validation", { fieldErrors: { day: "validation.invalid_date" } });
  return db.$transaction(async (tx) => {
    const before = await tx.workCalendarDay.findUnique({ where: { day: asDate(input.day) }, select: { kind: true, nameZh: true, nameEn: true } });
    if (before && before.kind === input.kind && before.nameZh === input.nameZh && before.nameEn === input.nameEn) throw new AppError("validation", { fieldErrors: { day: "validation.calendar_day_unchanged" } });
    const data = { kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn, updatedById: actor.id };
    await tx.workCalendarDay.upsert({ where: { day: asDate(input.day) }, create: { day: asDate(input.day), ...data }, update: data });
    await writeAudit(tx, actor, { action: "calendar.day_set", entity: "WorkCalendarDay", entityId: input.day, before, after: { kind: input.kind, nameZh: input.nameZh } });
    return { day: input.day };
  });
}

/** An override removed: the day follows the weekday rule again. */
export async function removeCalendarDay(db: Db, who: Actor | null, day: string) {
  const actor = requirePermission(who, "calendar.manage");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new AppError("not_found");
  await db.$transaction(async (tx) => {
    const before = await tx.workCalendarDay.findUnique({ where: { day: asDate(day) }, select: { kind: true, nameZh: true } });
    if (!before) throw new AppError("not_found");
    await tx.workCalendarDay.delete({ where: { day: asDate(day) } });
    await writeAudit(tx, actor, { action: "calendar.day_remove", entity: "WorkCalendarDay", entityId: day, before });
  });
}
