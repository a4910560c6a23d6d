import "server-only";
import { runImportJob } from "../imports/run-import";
import type { DomainModule } from "../workflow/registry";
import { COLD_REMINDER_JOB, COLD_SWEEP_JOB, runColdCustomerReminder, runColdCustomerSweep } from "./cold-customer-sweep";
import { customerImportTarget } from "./customer-import-target";
import { recordFollowUpStep, runStartFollowUp } from "./follow-up-flow";
import { leadImportTarget } from "./leads/lead-import-target";
import { LEAD_STALE_JOB, LEAD_SWEEP_JOB, runLeadStaleReminder, runLeadSweep } from "./leads/lead-sweep";
import { FOLLOW_UP } from "./log-customer-contact";

/**
 * Customer management as the workflow platform sees it (its forms are files in
 * processes/forms/): the follow-up reminder's start job and the step that turns the
 * follow-up task's answer into a contact log; the daily stale-lead and cold-customer sweeps and their reminders; the customer and lead imports' batches.
 */
export const crmModule: DomainModule = {
  name: "crm",
  serviceHandlers: [{ name: "crm.recordFollowUp", labelZh: "记录客户联系", labelEn: "Record the customer contact", run: recordFollowUpStep }],
  jobKinds: [
    { kind: FOLLOW_UP.job, run: runStartFollowUp },
    { kind: LEAD_SWEEP_JOB, run: runLeadSweep },
    { kind: LEAD_STALE_JOB, run: runLeadStaleReminder },
    { kind: COLD_SWEEP_JOB, run: runColdCustomerSweep },
    { kind: COLD_REMINDER_JOB, run: runColdCustomerReminder },
    { kind: customerImportTarget.jobKind, run: (db, job) => runImportJob(db, job, customerImportTarget) },
    { kind: leadImportTarget.jobKind, run: (db, job) => runImportJob(db, job, leadImportTarget) },
  ],
};
