import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { recipientOf } from "./list-notifications";

/** Marks one of the actor's own notifications read; anyone else's is not_found. */
export async function markNotificationRead(db: Db, actor: Actor, id: string) {
  const mine = recipientOf(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.notification.findFirst({ where: { id, ...mine }, select: { id: true, readAt: true, link: true } });
    if (!row) throw new AppError("not_found");
    if (!row.readAt) {
      await tx.notification.update({ where: { id: row.id }, data: { readAt: now() } });
      await writeAudit(tx, actor, { action: "notification.read", entity: "Notification", entityId: row.id });
    }
    return { id: row.id, link: row.link };
  });
}

/** Marks all of the actor's unread notifications read. */
export async function markAllNotificationsRead(db: Db, actor: Actor) {
  const mine = recipientOf(actor);
  return db.$transaction(async (tx) => {
    const r = await tx.notification.updateMany({ where: { ...mine, readAt: null }, data: { readAt: now() } });
    if (r.count) await writeAudit(tx, actor, { action: "notification.read_all", entity: "Notification", after: { count: r.count } });
    return { count: r.count };
  });
}
