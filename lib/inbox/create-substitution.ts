import "server-only";
import type { Actor } from "../auth/actor";
import { requireEmployee } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";

const DAY_MS = 864e5;
const MAX_DAYS = 366;

/** A calendar day in the company's zone (Asia/Shanghai, no daylight saving) to the instant it starts. */
function dayStart(ymd: string): Date | null {
  const d = new Date(`${ymd}T00:00:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Names a substitute for a period of whole days (first to last day inclusive).
 * While it runs, tasks newly assigned to the actor go to the substitute (see
 * lib/workflow/task-attributes.ts). Periods of one person may not overlap.
 */
export async function createSubstitution(db: Db, who: Actor, input: { substituteId: string; startsOn: string; endsOn: string; reason: string | null }) {
  const actor = requireEmployee(who);
  const startsAt = dayStart(input.startsOn);
  const lastDay = dayStart(input.endsOn);
  if (!startsAt) throw new AppError("validation", { fieldErrors: { startsOn: "validation.invalid_format" } });
  if (!lastDay) throw new AppError("validation", { fieldErrors: { endsOn: "validation.invalid_format" } });
  const endsAt = new Date(lastDay.getTime() + DAY_MS);
  if (endsAt <= startsAt) throw new AppError("validation", { fieldErrors: { endsOn: "inbox.validation.endBeforeStart" } });
  if (endsAt <= now()) throw new AppError("validation", { fieldErrors: { endsOn: "inbox.validation.inPast" } });
  if (endsAt.getTime() - startsAt.getTime() > MAX_DAYS * DAY_MS) throw new AppError("validation", { fieldErrors: { endsOn: "inbox.validation.tooLong" } });
  if (input.substituteId === actor.id) throw new AppError("validation", { fieldErrors: { substituteId: "inbox.validation.notYourself" } });

  return db.$transaction(async (tx) => {
    const substitute = await tx.employee.findFirst({ where: { id: input.substituteId, active: true }, select: { id: true, name: true } });
    if (!substitute) throw new AppError("validation", { fieldErrors: { substituteId: "validation.unknown_employee" } });
    const overlap = await tx.substitution.count({ where: { employeeId: actor.id, active: true, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } } });
    if (overlap) throw new AppError("validation", { fieldErrors: { startsOn: "inbox.validation.overlap" } });
    const row = await tx.substitution.create({ data: { employeeId: actor.id, substituteId: substitute.id, startsAt, endsAt, reason: input.reason } });
    await writeAudit(tx, actor, { action: "substitution.create", entity: "Substitution", entityId: row.id, after: { substituteId: substitute.id, startsAt, endsAt, reason: input.reason } });
    return { id: row.id };
  });
}
