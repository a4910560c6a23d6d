import "server-only";
import { runImportJob } from "../imports/run-import";
import type { DomainModule } from "../workflow/registry";
import { customerImportTarget } from "./customer-import-target";
import { recordFollowUpStep, runStartFollowUp } from "./follow-up-flow";
import { FOLLOW_UP } from "./log-customer-contact";

/**
 * Customer management as the workflow platform sees it (its forms are files in
 * processes/forms/): the follow-up reminder's start job and the step that turns the
 * follow-up task's answer into a contact log, and the customer import's batches.
 */
export const crmModule: DomainModule = {
  name: "crm",
  serviceHandlers: [{ name: "crm.recordFollowUp", labelZh: "记录客户联系", labelEn: "Record the customer contact", run: recordFollowUpStep }],
  jobKinds: [
    { kind: FOLLOW_UP.job, run: runStartFollowUp },
    { kind: customerImportTarget.jobKind, run: (db, job) => runImportJob(db, job, customerImportTarget) },
  ],
};
