import "server-only";
import type { Db } from "../db/client";
import { logger } from "../log/logger";
import { createTransport, readMailConfig, type MailConfig } from "./mail-transport";

type Claimed = { id: string; recipientRealm: "employee" | "supplier"; recipientId: string; kind: string; title: string; link: string | null };

/** A task's mail says it is a task; a reminder (a supplier document expiring, a customer gone cold) says what it is. */
function mailText(n: Claimed, url: string) {
  const reminder = n.kind.startsWith("certificate.") ? ["证照提醒", "Document reminder"] : n.kind.startsWith("crm.") ? ["客户提醒", "Customer reminder"] : null;
  if (reminder) {
    return { subject: `【${reminder[0]}】${n.title} / ${reminder[1]}: ${n.title}`, text: `${n.title}\n详情：${url}\n\n${n.title}\nDetails: ${url}\n` };
  }
  return {
    subject: `【待办】${n.title} / New task: ${n.title}`,
    text: `您有一项新的待办：${n.title}\n请登录处理：${url}\n\nYou have a new task: ${n.title}\nOpen it: ${url}\n`,
  };
}

/**
 * Sends the e-mail copy of new in-app notifications. Rows are claimed with
 * SKIP LOCKED by stamping emailedAt, so several instances never send one twice;
 * a failed send clears the stamp and is tried again on the next pass.
 */
export async function sendPendingEmails(db: Db, cfg: MailConfig, baseUrl = process.env.NEXTAUTH_URL ?? "http://localhost:3000", limit = 20) {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "Notification" SET "emailedAt" = now()
    WHERE id IN (SELECT id FROM "Notification" WHERE "emailedAt" IS NULL ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, "recipientRealm", "recipientId", kind, title, link`;
  if (!claimed.length) return 0;
  const transport = createTransport(cfg);
  let sent = 0;
  for (const n of claimed) {
    const to =
      n.recipientRealm === "employee"
        ? (await db.employee.findUnique({ where: { id: n.recipientId }, select: { email: true, active: true } }))
        : (await db.supplierUser.findUnique({ where: { id: n.recipientId }, select: { email: true, active: true } }));
    if (!to?.email || !to.active) continue;
    try {
      const url = n.link ? new URL(n.link, baseUrl).toString() : baseUrl;
      await transport.sendMail({ from: cfg.from, to: to.email, ...mailText(n, url) });
      sent++;
    } catch (err) {
      logger.warn({ err, notification: n.id }, "e-mail send failed, will retry");
      await db.notification.update({ where: { id: n.id }, data: { emailedAt: null } });
    }
  }
  transport.close();
  return sent;
}

const g = globalThis as { __ffMailWorker?: NodeJS.Timeout };

/** Starts the e-mail pass every few seconds when SMTP is configured. */
export function startEmailWorker(db: Db) {
  const cfg = readMailConfig();
  if (!cfg || g.__ffMailWorker) return;
  let busy = false;
  g.__ffMailWorker = setInterval(() => {
    if (busy) return;
    busy = true;
    sendPendingEmails(db, cfg)
      .catch((err) => logger.error({ err }, "e-mail pass failed"))
      .finally(() => (busy = false));
  }, Number(process.env.EMAIL_POLL_MS ?? 5000));
  g.__ffMailWorker.unref();
}
