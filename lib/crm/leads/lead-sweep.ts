import "server-only";
import type { Db } from "../../db/client";
import { now } from "../../workflow/clock";
import type { ClaimedJob } from "../../workflow/jobs/claim-jobs";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import { insertNotifications } from "../../workflow/step-sql";
import { leadStaleDays } from "./lead-rules";

export const LEAD_SWEEP_JOB = "crm.leadSweep";
export const LEAD_STALE_JOB = "crm.leadStale";
const DAY_MS = 864e5;

/** The sweep's one row: made at boot, safe from every instance and any number of times. */
export async function ensureLeadSweep(db: Db) {
  await db.job.createMany({ data: [{ kind: LEAD_SWEEP_JOB, idempotencyKey: LEAD_SWEEP_JOB, payload: {}, runAt: now() }], skipDuplicates: true });
}

/** One reminder per lead and staleness episode: the episode is the lead's last-worked moment. */
const staleKey = (leadId: string, lastWorkedAt: Date) => `${LEAD_STALE_JOB}:${leadId}:${lastWorkedAt.getTime()}`;

/**
 * Job crm.leadSweep, daily (it reschedules itself for 09:00 Shanghai time next day): each
 * open lead with an owner that nobody worked for the CRM setting's days gets a reminder
 * job keyed by the lead and its last-worked moment, so the owner is reminded once per
 * stale episode however often the sweep runs; working the lead starts a new episode.
 */
export async function runLeadSweep(db: Db, _job?: ClaimedJob): Promise<{ rescheduleAt: Date }> {
  const at = now();
  const days = await leadStaleDays(db);
  const stale = await db.lead.findMany({
    where: { status: { in: ["new", "working"] }, ownerId: { not: null }, lastWorkedAt: { lt: new Date(at.getTime() - days * DAY_MS) } },
    select: { id: true, lastWorkedAt: true },
    take: 5000,
  });
  const jobs = stale.map((l) => ({ kind: LEAD_STALE_JOB, idempotencyKey: staleKey(l.id, l.lastWorkedAt), payload: { leadId: l.id, lastWorkedAt: l.lastWorkedAt.toISOString() } }));
  if (jobs.length) await db.job.createMany({ data: jobs, skipDuplicates: true });
  for (const j of jobs) await runJobNow(db, j.idempotencyKey);
  const shanghaiDay = new Date(at.getTime() + 8 * 36e5 + DAY_MS).toISOString().slice(0, 10);
  return { rescheduleAt: new Date(`${shanghaiDay}T09:00:00+08:00`) };
}

/** Job crm.leadStale: the owner's inbox is told; nothing when the lead was worked, closed or given away meanwhile. */
export async function runLeadStaleReminder(db: Db, job: ClaimedJob) {
  const lead = await db.lead.findUnique({ where: { id: String(job.payload.leadId) }, select: { id: true, code: true, companyName: true, status: true, ownerId: true, lastWorkedAt: true } });
  if (!lead?.ownerId || !["new", "working"].includes(lead.status) || lead.lastWorkedAt.toISOString() !== job.payload.lastWorkedAt) return;
  const idle = Math.floor((now().getTime() - lead.lastWorkedAt.getTime()) / DAY_MS);
  await db.$transaction((tx) =>
    insertNotifications(tx, [{ recipientRealm: "employee", recipientId: lead.ownerId!, kind: "lead.stale", title: `线索 ${lead.code}（${lead.companyName}）已 ${idle} 天未跟进`, link: `/crm/leads/${lead.id}` }]),
  );
}
