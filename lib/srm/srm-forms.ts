import "server-only";
import { RECEIPT_LOCATION } from "../erp/erp-forms";
import { REJECTION_NEEDS_REASON, type FormDefinition } from "../workflow/forms";

// The forms of supplier management's flows (processes/*.bpmn). What a flow carries as
// its record (the supplier, the order, the delivery plan) is declared in the BPMN file
// itself (ff:businessData), with its labels.

export const PURCHASE_REQUISITION_START: FormDefinition = {
  key: "purchase_requisition_start",
  titleZh: "采购申请",
  titleEn: "Purchase requisition",
  fields: [
    { name: "title", type: "text", labelZh: "采购事项", labelEn: "Subject", required: true },
    { name: "amount", type: "number", labelZh: "预计金额（元）", labelEn: "Estimated amount (CNY)", required: true, min: 0, max: 1e10 },
    { name: "neededBy", type: "date", labelZh: "需求日期", labelEn: "Needed by" },
    { name: "reason", type: "textarea", labelZh: "申请理由", labelEn: "Reason" },
  ],
};

export const QUALITY_ISSUE_START: FormDefinition = {
  key: "quality_issue_start",
  titleZh: "来料质量异常",
  titleEn: "Incoming quality issue",
  fields: [
    { name: "supplierId", type: "supplier", labelZh: "供应商", labelEn: "Supplier", required: true },
    { name: "title", type: "text", labelZh: "异常摘要", labelEn: "Summary", required: true },
    { name: "lotNo", type: "text", labelZh: "批次号", labelEn: "Lot number" },
    { name: "description", type: "textarea", labelZh: "异常描述", labelEn: "Description", required: true },
  ],
};

export const SUPPLIER_CORRECTIVE_ACTION: FormDefinition = {
  key: "supplier_corrective_action",
  titleZh: "纠正措施",
  titleEn: "Corrective action",
  fields: [
    { name: "rootCause", type: "textarea", labelZh: "原因分析", labelEn: "Root cause", required: true },
    { name: "correctiveAction", type: "textarea", labelZh: "纠正措施", labelEn: "Corrective action", required: true },
    { name: "effectiveFrom", type: "date", labelZh: "措施生效日期", labelEn: "Effective from", required: true },
  ],
};

export const DELIVERY_NOTICE: FormDefinition = {
  key: "delivery_notice",
  titleZh: "发货通知",
  titleEn: "Shipping notice",
  fields: [
    { name: "shippedDate", type: "date", labelZh: "发货日期", labelEn: "Shipping date", required: true },
    { name: "waybillNo", type: "text", labelZh: "运单号", labelEn: "Waybill number", required: true },
    { name: "comment", type: "textarea", labelZh: "备注", labelEn: "Comment" },
  ],
};

// The warehouse's receipt against the delivery plan, per plan line (rows: planLineItems,
// set by lib/erp/start-delivery-flow.ts): accepted (prefilled with the planned quantity)
// and rejected (prefilled with 0), each at most the planned quantity, and where it goes.
export const DELIVERY_RECEIPT: FormDefinition = {
  key: "delivery_receipt",
  titleZh: "按交货计划收货",
  titleEn: "Receive against the delivery plan",
  fields: [
    { name: "acceptedQuantities", type: "lines", linesFrom: "planLineItems", rowQuantity: "planned", rowMax: true, min: 0, labelZh: "合格数量", labelEn: "Accepted quantity", required: true },
    { name: "rejectedQuantities", type: "lines", linesFrom: "planLineItems", rowQuantity: "planned", rowMax: true, rowStart: "zero", min: 0, labelZh: "不合格数量", labelEn: "Rejected quantity" },
    RECEIPT_LOCATION,
    { name: "comment", type: "textarea", labelZh: "备注", labelEn: "Comment" },
  ],
  // What is counted in, accepted or rejected, is at most what the plan brought.
  rules: [{ kind: "lines_sum_max", fields: ["acceptedQuantities", "rejectedQuantities"], message: "validation.receipt_over_plan" }],
};

export const SUPPLIER_INITIAL_REVIEW: FormDefinition = {
  key: "supplier_initial_review",
  titleZh: "供应商初审",
  titleEn: "Supplier initial review",
  fields: [
    { name: "decision", type: "decision", labelZh: "初审结论", labelEn: "Decision", required: true },
    { name: "comment", type: "textarea", labelZh: "初审意见", labelEn: "Comment" },
  ],
  rules: [REJECTION_NEEDS_REASON],
};

export const SUPPLIER_RE_REVIEW: FormDefinition = {
  key: "supplier_re_review",
  titleZh: "供应商复核",
  titleEn: "Supplier re-review",
  fields: [
    { name: "decision", type: "decision", labelZh: "复核结论", labelEn: "Decision", required: true },
    { name: "comment", type: "textarea", labelZh: "复核意见", labelEn: "Comment" },
  ],
  rules: [REJECTION_NEEDS_REASON],
};
