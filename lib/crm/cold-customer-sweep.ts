import "server-only";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import { runJobNow } from "../workflow/jobs/run-job-now";
import { insertNotifications } from "../workflow/step-sql";
import { contactThresholds } from "./crm-settings";
import { daysSince } from "./list-customers";
import { shanghaiToday } from "./shanghai-day";

export const COLD_SWEEP_JOB = "crm.coldCustomerSweep";
export const COLD_REMINDER_JOB = "crm.coldCustomerReminder";
const DAY_MS = 864e5;

/** The sweep's one row: made at boot, safe from every instance and any number of times. */
export async function ensureColdCustomerSweep(db: Db) {
  await db.job.createMany({ data: [{ kind: COLD_SWEEP_JOB, idempotencyKey: COLD_SWEEP_JOB, payload: {}, runAt: now() }], skipDuplicates: true });
}

/**
 * Job crm.coldCustomerSweep, daily (CRM-10), shortly after midnight Shanghai time: every
 * owned customer not contacted for the sales lead's "cold" threshold (never contacted
 * ones count from when they were entered) gets a reminder job keyed by the customer and
 * its last contact. So the owner hears once per cold episode however often the sweep
 * runs, and again only after a new contact has been logged and the customer went cold
 * again. Due follow-up days are not swept here: a log's next follow-up already starts
 * the follow-up flow (follow-up-flow.ts), whose task reaches the owner's inbox that day.
 */
export async function runColdCustomerSweep(db: Db, _job?: ClaimedJob): Promise<{ rescheduleAt: Date }> {
  const at = now();
  const { cold } = await contactThresholds(db);
  const before = new Date(at.getTime() - cold * DAY_MS);
  const customers = await db.customer.findMany({
    where: { ownerId: { not: null }, OR: [{ lastContactAt: { lt: before } }, { lastContactAt: null, createdAt: { lt: before } }] },
    select: { id: true, lastContactAt: true, createdAt: true },
  });
  const reminders = customers.map((c) => {
    const since = (c.lastContactAt ?? c.createdAt).toISOString();
    return { kind: COLD_REMINDER_JOB, idempotencyKey: `${COLD_REMINDER_JOB}:${c.id}:${since}`, payload: { customerId: c.id, since } };
  });
  if (reminders.length) await db.job.createMany({ data: reminders, skipDuplicates: true });
  for (const r of reminders) await runJobNow(db, r.idempotencyKey);
  const nextMidnight = Date.parse(shanghaiToday(new Date(at.getTime() + DAY_MS))) - 8 * 36e5;
  return { rescheduleAt: new Date(nextMidnight + 10 * 6e4) };
}

/**
 * Job crm.coldCustomerReminder: tells the owner (in-app, and by e-mail through the
 * notification mail worker) that the customer has gone cold. Nothing when a contact
 * was logged or the customer lost its owner since the sweep queued it.
 */
export async function runColdCustomerReminder(db: Db, job: ClaimedJob) {
  const c = await db.customer.findUnique({ where: { id: String(job.payload.customerId) }, select: { id: true, name: true, ownerId: true, lastContactAt: true, createdAt: true } });
  if (!c?.ownerId || (c.lastContactAt ?? c.createdAt).toISOString() !== job.payload.since) return;
  const days = daysSince(c.lastContactAt ?? c.createdAt, now());
  const title = c.lastContactAt ? `客户「${c.name}」已 ${days} 天未联系` : `客户「${c.name}」录入 ${days} 天仍未联系`;
  await db.$transaction((tx) => insertNotifications(tx, [{ recipientRealm: "employee", recipientId: c.ownerId!, kind: "crm.customer_cold", title, link: `/crm/customers/${c.id}` }]));
}
