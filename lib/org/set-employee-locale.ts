import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Locale } from "../i18n/locales";

/** Remembers an employee's language so it follows them to other devices. */
export async function setEmployeeLocale(db: Db, actor: EmployeeActor, locale: Locale) {
  await db.$transaction(async (tx) => {
    const before = await tx.employee.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true } });
    if (before.locale === locale) return;
    await tx.employee.update({ where: { id: actor.id }, data: { locale } });
    await writeAudit(tx, actor, { action: "employee.locale", entity: "Employee", entityId: actor.id, before, after: { locale } });
  });
}
