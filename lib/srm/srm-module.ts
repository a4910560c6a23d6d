import "server-only";
import type { DomainModule } from "../workflow/registry";
import { runCertificateReminder, runCertificateSweep } from "./certificates/certificate-sweep";
import { approveDocumentStep, rejectDocumentStep, runStartDocumentReview } from "./certificates/document-review";
import { CERTIFICATE_REMINDER_JOB, CERTIFICATE_SWEEP_JOB, DOCUMENT_REVIEW } from "./certificates/document-review-names";
import { declineOrderStep } from "./decline-order";
import { INITIAL_REVIEW, markPotentialStep, runStartInitialReview } from "./initial-review";
import { recordOrderProposalStep } from "./order-proposal";
import { openSupplierAccountStep, RE_REVIEW, runStartReReview } from "./re-review";
import { recordShipmentStep } from "./record-shipment";
import { recordCountStep } from "./receiving/record-count";
import { recordInspectionStep } from "./receiving/record-inspection";
import { recordPutAwayStep } from "./receiving/record-put-away";
import { applySupplierChangeStep, rejectSupplierChangeStep } from "./supplier-change/apply-supplier-change";
import { SUPPLIER_CHANGE } from "./supplier-change/propose-supplier-change";
import { runStartSupplierChange } from "./supplier-change/start-change-flow";

/**
 * Supplier management as the workflow platform sees it (its forms are files in processes/forms/):
 * its BPMN service tasks ff:handler="srm.*", and the jobs that start the supplier
 * reviews (queued in the transaction that asks for a review round).
 */
export const srmModule: DomainModule = {
  name: "srm",
  serviceHandlers: [
    { name: "srm.recordShipment", labelZh: "登记供应商发货", labelEn: "Record the supplier's shipment", run: recordShipmentStep },
    { name: "srm.recordCount", labelZh: "登记预收货点数", labelEn: "Record the pre-receipt count", run: recordCountStep },
    { name: "srm.recordInspection", labelZh: "登记质检结果（不合格转隔离区并退货）", labelEn: "Record the inspection (rejects to quarantine and a return)", run: recordInspectionStep },
    { name: "srm.recordPutAway", labelZh: "登记上架库位", labelEn: "Record the put-away bins", run: recordPutAwayStep },
    { name: "srm.markPotential", labelZh: "转为潜在供应商", labelEn: "Make the supplier a potential supplier", run: markPotentialStep },
    { name: "srm.recordOrderProposal", labelZh: "记录供应商对订单的修改建议", labelEn: "Record the supplier's proposed order changes", run: recordOrderProposalStep },
    { name: "srm.declinePurchaseOrder", labelZh: "标记订单为供应商拒绝", labelEn: "Mark the order declined by the supplier", run: declineOrderStep },
    { name: "srm.openSupplierAccount", labelZh: "开通供应商及门户账号", labelEn: "Open the supplier and its portal account", run: openSupplierAccountStep },
    { name: "srm.applySupplierChange", labelZh: "更新供应商档案（变更生效）", labelEn: "Apply the approved supplier change", run: applySupplierChangeStep },
    { name: "srm.rejectSupplierChange", labelZh: "关闭被驳回的变更申请", labelEn: "Close the rejected supplier change", run: rejectSupplierChangeStep },
    { name: "srm.approveSupplierDocument", labelZh: "证照生效（替换旧证照）", labelEn: "Make the supplier document valid (superseding the old one)", run: approveDocumentStep },
    { name: "srm.rejectSupplierDocument", labelZh: "退回供应商证照", labelEn: "Reject the supplier document", run: rejectDocumentStep },
  ],
  jobKinds: [
    { kind: INITIAL_REVIEW.job, run: runStartInitialReview },
    { kind: RE_REVIEW.job, run: runStartReReview },
    { kind: SUPPLIER_CHANGE.job, run: runStartSupplierChange },
    { kind: DOCUMENT_REVIEW.job, run: runStartDocumentReview },
    { kind: CERTIFICATE_SWEEP_JOB, run: runCertificateSweep },
    { kind: CERTIFICATE_REMINDER_JOB, run: runCertificateReminder },
  ],
};
