import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

export type NotificationRow = { id: string; kind: string; title: string; link: string | null; createdAt: Date; read: boolean };

/** Whose notifications: the actor's own, in their realm (an employee and a portal user may share an id space). */
export function recipientOf(actor: Actor) {
  if (actor.realm === "system") throw new AppError("forbidden");
  return { recipientRealm: actor.realm, recipientId: actor.id };
}

/** The actor's notifications, newest first, and how many are unread. */
export async function listNotifications(db: Db, actor: Actor, opts: { take?: number; unreadOnly?: boolean } = {}) {
  const mine = recipientOf(actor);
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { ...mine, ...(opts.unreadOnly ? { readAt: null } : {}) },
      orderBy: { createdAt: "desc" },
      take: Math.min(opts.take ?? 50, 200),
      select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
    }),
    countUnreadNotifications(db, actor),
  ]);
  return { items: rows.map(({ readAt, ...r }): NotificationRow => ({ ...r, read: !!readAt })), unread };
}

/** For the bell: counting stops at 100 ("99+"). */
async function countUnreadNotifications(db: Db, actor: Actor): Promise<number> {
  return db.notification.count({ where: { ...recipientOf(actor), readAt: null }, take: 100 });
}
