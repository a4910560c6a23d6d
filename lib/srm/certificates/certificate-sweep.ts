import "server-only";
import { SYSTEM } from "../../auth/actor";
import type { Db } from "../../db/client";
import { now } from "../../workflow/clock";
import type { ClaimedJob } from "../../workflow/jobs/claim-jobs";
import { runJobNow } from "../../workflow/jobs/run-job-now";
import { insertNotifications } from "../../workflow/step-sql";
import { dayOf, daysLeft, factoryDay, reminderStage } from "./certificate-dates";
import { CERTIFICATE_REMINDER_JOB, CERTIFICATE_SWEEP_JOB } from "./document-review-names";
import { refreshSupplierBlock } from "./supplier-block";

/** The buyers told about a supplier's documents: the purchasing group (suppliers have no responsible buyer yet). */
const BUYERS_GROUP = "purchasing";
const DAY_MS = 864e5;

/** The sweep's one row: made at boot, safe from every instance and any number of times. */
export async function ensureCertificateSweep(db: Db) {
  await db.job.createMany({ data: [{ kind: CERTIFICATE_SWEEP_JOB, idempotencyKey: CERTIFICATE_SWEEP_JOB, payload: {}, runAt: now() }], skipDuplicates: true });
}

/**
 * Job srm.certificateSweep, daily (it reschedules itself for shortly after the next
 * midnight, factory time): each valid document that reached 30 or 7 days before its
 * last day, or expired, gets that reminder's job, keyed by document and stage, so each
 * reminder goes out once however often the sweep runs; suppliers with an expired
 * document, or blocked now, have their blocked state set from their documents.
 */
export async function runCertificateSweep(db: Db, _job?: ClaimedJob): Promise<{ rescheduleAt: Date }> {
  const at = now();
  const docs = await db.supplierDocument.findMany({ where: { status: "valid", validUntil: { not: null, lt: new Date(at.getTime() + 32 * DAY_MS) } }, select: { id: true, supplierId: true, validUntil: true } });
  const reminders = [];
  const expiredSuppliers = new Set<string>();
  for (const d of docs) {
    const stage = reminderStage(daysLeft(d.validUntil!, at));
    if (!stage) continue;
    if (stage === "expired") expiredSuppliers.add(d.supplierId);
    reminders.push({ kind: CERTIFICATE_REMINDER_JOB, idempotencyKey: `${CERTIFICATE_REMINDER_JOB}:${d.id}:${stage}`, payload: { documentId: d.id, stage } });
  }
  if (reminders.length) await db.job.createMany({ data: reminders, skipDuplicates: true });
  for (const r of reminders) await runJobNow(db, r.idempotencyKey);

  const blocked = await db.supplier.findMany({ where: { blockedAt: { not: null } }, select: { id: true } });
  for (const supplierId of new Set([...expiredSuppliers, ...blocked.map((s) => s.id)])) {
    const released = await db.$transaction((tx) => refreshSupplierBlock(tx, SYSTEM, supplierId, at));
    for (const key of released) await runJobNow(db, key);
  }
  const nextMidnight = Date.parse(factoryDay(new Date(at.getTime() + DAY_MS))) - 8 * 36e5;
  return { rescheduleAt: new Date(nextMidnight + 5 * 6e4) };
}

/**
 * Job srm.certificateReminder: tells the buyers (in-app, and by e-mail through the
 * notification mail worker) and the supplier's portal users that a document expires
 * soon or has expired. Nothing when the document was superseded meanwhile.
 */
export async function runCertificateReminder(db: Db, job: ClaimedJob) {
  const doc = await db.supplierDocument.findUnique({ where: { id: String(job.payload.documentId) }, include: { type: true, supplier: { select: { id: true, name: true } } } });
  if (!doc || doc.status !== "valid" || !doc.validUntil) return;
  const until = dayOf(doc.validUntil);
  const left = daysLeft(doc.validUntil, now());
  const expired = job.payload.stage === "expired";
  const what = expired ? `${doc.type.nameZh}已于 ${until} 过期` : `${doc.type.nameZh}将于 ${until} 到期（剩 ${Math.max(left, 0)} 天）`;
  const kind = expired ? "certificate.expired" : "certificate.expiring";
  await db.$transaction(async (tx) => {
    const buyers = await tx.groupMember.findMany({ where: { group: { key: BUYERS_GROUP, active: true }, employee: { active: true } }, select: { employeeId: true } });
    const users = await tx.supplierUser.findMany({ where: { supplierId: doc.supplierId, active: true }, select: { id: true } });
    await insertNotifications(tx, [
      ...buyers.map((b) => ({ recipientRealm: "employee" as const, recipientId: b.employeeId, kind, title: `${doc.supplier.name}：${what}`, link: `/srm/suppliers/${doc.supplier.id}` })),
      ...users.map((u) => ({ recipientRealm: "supplier" as const, recipientId: u.id, kind, title: what, link: "/portal/documents" })),
    ]);
  });
}
