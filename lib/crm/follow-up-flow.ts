import "server-only";
import { SYSTEM } from "../auth/actor";
import { loadEmployeeActor } from "../auth/load-actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import type { ServiceContext } from "../workflow/service-handler";
import { startInstance } from "../workflow/start-instance";
import { FOLLOW_UP, logCustomerContact } from "./log-customer-contact";
import { currentCustomerId } from "./merged-customer";

/**
 * Job crm.startFollowUp: the reminder flow for a contact log's next follow-up, for the
 * customer's owner (else whoever logged it). The log's id is the start key, so a job run
 * again after a crash finds the flow it started.
 */
export async function runStartFollowUp(db: Db, job: ClaimedJob) {
  const log = await db.customerLog.findUnique({ where: { id: String(job.payload.logId) }, include: { customer: { select: { id: true, code: true, name: true, ownerId: true } } } });
  if (!log?.nextFollowUpAt) return;
  await startInstance(db, SYSTEM, {
    key: FOLLOW_UP.key,
    startKey: `follow-up:${log.id}`,
    businessKey: log.customer.code,
    recordType: "Customer",
    recordId: log.customer.id,
    variables: {
      customerId: log.customer.id,
      customerCode: log.customer.code,
      customerName: log.customer.name,
      ownerId: log.customer.ownerId ?? log.byId,
      followUpAt: log.nextFollowUpAt.toISOString(),
      followUpDate: log.nextFollowUpAt.toISOString(),
      plannedNote: log.note.slice(0, 500),
    },
  });
}

/**
 * Service task crm.recordFollowUp: the follow-up task's answer becomes the customer's
 * contact log, by the employee who completed it (their next follow-up starts the next
 * reminder). Idempotent per task execution: a retried step finds its log.
 */
export async function recordFollowUpStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const done = await db.task.findFirst({ where: { instanceId: ctx.instanceId, formKey: "customer_follow_up", status: "completed" }, orderBy: { completedAt: "desc" }, select: { completedById: true } });
  const actor = done?.completedById ? await loadEmployeeActor(done.completedById, db) : null;
  if (!actor) throw new Error(`follow-up task of ${ctx.instanceId} has no employee who completed it`);
  const marker = `follow-up:${ctx.idempotencyKey}`;
  if (await db.auditLog.count({ where: { action: "customer.follow_up_recorded", entityId: marker } })) return { recorded: true };
  await db.$transaction(async (tx) => {
    // The customer may have been merged into another since the reminder started: the log goes to the survivor.
    const customerId = await currentCustomerId(tx, String(variables.customerId));
    await logCustomerContact(db, actor, { customerId, kind: variables.logKind as "visit", note: String(variables.logNote ?? ""), nextFollowUp: (variables.nextFollowUp as string | null) ?? null }, tx);
    await writeAudit(tx, SYSTEM, { action: "customer.follow_up_recorded", entity: "ServiceStep", entityId: marker, after: { instanceId: ctx.instanceId } });
  });
  return { recorded: true };
}
