import "server-only";
import { runImportJob } from "../imports/run-import";
import type { DomainModule } from "../workflow/registry";
import { COLD_REMINDER_JOB, COLD_SWEEP_JOB, runColdCustomerReminder, runColdCustomerSweep } from "./cold-customer-sweep";
import { approveContractStep, rejectContractStep } from "./contracts/contract-approval";
import { customerImportTarget } from "./customer-import-target";
import { recordFollowUpStep, runStartFollowUp } from "./follow-up-flow";
import { recordLiaisonAllocation, recordLiaisonResult } from "./liaison/liaison-stage-flow";
import { LEAD_STALE_JOB, LEAD_SWEEP_JOB, runLeadStaleReminder, runLeadSweep } from "./leads/lead-sweep";
import { FOLLOW_UP } from "./log-customer-contact";
import { approveReviewStep, quoteToErpStep, rejectReviewStep } from "./opportunities/review/review-steps";
import { recordRequirementReview } from "./requirements/requirement-review-flow";

/**
 * Customer management as the workflow platform sees it (its forms are files in
 * processes/forms/): the follow-up reminder's start job and the step that turns the
 * follow-up task's answer into a contact log; the sales contract approval's outcome steps; the daily stale-lead and cold-customer sweeps and their reminders; the customer import's batches.
 */
export const crmModule: DomainModule = {
  name: "crm",
  serviceHandlers: [
    { name: "crm.recordFollowUp", labelZh: "记录客户联系", labelEn: "Record the customer contact", run: recordFollowUpStep },
    { name: "crm.approveOpportunityReview", labelZh: "商机评审通过", labelEn: "Mark the opportunity review approved", run: approveReviewStep },
    { name: "crm.rejectOpportunityReview", labelZh: "商机评审驳回", labelEn: "Mark the opportunity review rejected", run: rejectReviewStep },
    { name: "crm.quoteOpportunityToErp", labelZh: "报价写入 ERP", labelEn: "Write the quotation to the ERP", run: quoteToErpStep },
    { name: "crm.requirementReviewed", labelZh: "记录产品需求评审结果", labelEn: "Record the requirement review's decision", run: recordRequirementReview },
    { name: "crm.liaisonAllocated", labelZh: "记录联络单环节的办理人", labelEn: "Record who works on the liaison stage", run: recordLiaisonAllocation },
    { name: "crm.liaisonStageDone", labelZh: "记录联络单环节结果并推进", labelEn: "Record the liaison stage's result and move the form on", run: recordLiaisonResult },
    { name: "crm.approveSalesContract", labelZh: "销售合同审批通过（可签订）", labelEn: "Approve the sales contract (ready to sign)", run: approveContractStep },
    { name: "crm.rejectSalesContract", labelZh: "退回销售合同草稿", labelEn: "Return the sales contract to draft", run: rejectContractStep },
  ],
  jobKinds: [
    { kind: FOLLOW_UP.job, run: runStartFollowUp },
    { kind: LEAD_SWEEP_JOB, run: runLeadSweep },
    { kind: LEAD_STALE_JOB, run: runLeadStaleReminder },
    { kind: COLD_SWEEP_JOB, run: runColdCustomerSweep },
    { kind: COLD_REMINDER_JOB, run: runColdCustomerReminder },
    { kind: customerImportTarget.jobKind, run: (db, job) => runImportJob(db, job, customerImportTarget) },
  ],
};
