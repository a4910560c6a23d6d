import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { fastRead } from "../db/fast-read";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { subjectOf } from "./list-tasks";

export type NotificationRow = {
  id: string;
  kind: string;
  /** The step's name as the process calls it ("采购部审核"). */
  title: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
  /** The task it announced no longer waits for this person (completed, cancelled, or someone else's now): it counts as read. */
  done: boolean;
  /** The record it is about: its business key (PR-…, PO-…, the supplier's code) and subject (list-tasks.ts subjectOf). */
  businessKey: string | null;
  subject: string | null;
};

/** Whose notifications: the actor's own, in their realm (an employee and a portal user may share an id space). */
export function recipientOf(actor: Actor) {
  if (actor.realm === "system") throw new AppError("forbidden");
  return { recipientRealm: actor.realm, recipientId: actor.id };
}

// The task a notification announces is the one its link opens (lib/workflow/notify.ts writes both kinds).
const TASK_OF_LINK = Prisma.sql`substring(n."link" from '^/(?:inbox|portal/tasks)/([0-9a-f-]{36})$')`;

/**
 * Whether the announced task t has left the recipient: closed, or (for staff) held by
 * someone else or offered to groups the recipient is no longer in. A notification
 * without a task never is. Computed when read, so that every way a task moves on
 * (completion, cancellation by the engine, claim, delegation, reassignment) counts.
 */
function doneSql(actor: Actor): Prisma.Sql {
  if (actor.realm !== "employee") return Prisma.sql`(t."id" IS NOT NULL AND t."status" <> 'open')`;
  return Prisma.sql`(CASE WHEN t."id" IS NULL THEN false WHEN t."status" <> 'open' THEN true
    WHEN t."assigneeId" IS NOT NULL THEN t."assigneeId" <> ${actor.id}
    ELSE NOT (t."candidateGroups" && ${actor.groups}::text[]) END)`;
}

type Row = Omit<NotificationRow, "read" | "subject"> & { readAt: Date | null; recordTitle: unknown; supplierName: unknown };

/** The actor's notifications, newest first, each with its record, and how many are unread and still waiting. */
export async function listNotifications(db: Db, actor: Actor, opts: { take?: number; unreadOnly?: boolean } = {}) {
  const mine = recipientOf(actor);
  const take = Math.min(opts.take ?? 50, 200);
  const whose = Prisma.sql`n."recipientRealm" = ${mine.recipientRealm}::"Realm" AND n."recipientId" = ${mine.recipientId}`;
  const done = doneSql(actor);
  // The page of notifications first (their own index), then the tasks and records of just those;
  // unread-only needs the task to tell which still wait, so it joins the task before the limit.
  const page = opts.unreadOnly
    ? Prisma.sql`SELECT n.*, t."instanceId" AS "taskInstanceId", ${done} AS "done" FROM "Notification" n LEFT JOIN "Task" t ON t."id" = ${TASK_OF_LINK}
        WHERE ${whose} AND n."readAt" IS NULL AND NOT ${done} ORDER BY n."createdAt" DESC, n."id" LIMIT ${take}`
    : Prisma.sql`SELECT n.*, t."instanceId" AS "taskInstanceId", ${done} AS "done"
        FROM (SELECT * FROM "Notification" n WHERE ${whose} ORDER BY n."createdAt" DESC, n."id" LIMIT ${take}) n LEFT JOIN "Task" t ON t."id" = ${TASK_OF_LINK}`;
  const [rows, unread] = await Promise.all([
    fastRead<Row>(
      db,
      Prisma.sql`
      SELECT n."id", n."kind", n."title", n."link", n."createdAt", n."readAt", n."done",
        i."businessKey", i."variables" -> 'title' AS "recordTitle", i."variables" -> 'supplierName' AS "supplierName"
      FROM (${page}) n LEFT JOIN "ProcessInstance" i ON i."id" = n."taskInstanceId"
      ORDER BY n."createdAt" DESC, n."id"`,
    ),
    countUnread(db, whose, done),
  ]);
  const items = rows.map(({ readAt, recordTitle, supplierName, ...r }): NotificationRow => ({
    ...r,
    // Portal users were once sent the staff's "task.offered"; to a supplier every task is simply new.
    kind: actor.realm === "supplier" && r.kind === "task.offered" ? "task.new" : r.kind,
    read: !!readAt,
    subject: subjectOf({ title: recordTitle, supplierName }, actor.realm),
  }));
  return { items, unread };
}

/** For the bell: unread notifications whose task still waits; counting stops at 100 ("99+"). */
async function countUnread(db: Db, whose: Prisma.Sql, done: Prisma.Sql): Promise<number> {
  const [row] = await fastRead<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Notification" n LEFT JOIN "Task" t ON t."id" = ${TASK_OF_LINK}
      WHERE ${whose} AND n."readAt" IS NULL AND NOT ${done} LIMIT 100) c`,
  );
  return row?.n ?? 0;
}
