import "server-only";
import { RECEIPT_LOCATION } from "../erp/erp-forms";
import { registerForm } from "../workflow/forms";
import { registerJobKind } from "../workflow/jobs/job-kinds";
import { registerServiceHandler } from "../workflow/service-registry";
import { INITIAL_REVIEW, markPotentialStep, runStartInitialReview } from "./initial-review";
import { openSupplierAccountStep, RE_REVIEW, runStartReReview } from "./re-review";
import { recordShipmentStep } from "./record-shipment";

// Supplier management's BPMN service tasks, jobs and forms (processes/supplier-delivery.bpmn,
// processes/supplier-initial-review.bpmn).
// Loaded by lib/workflow/handlers.ts.
registerServiceHandler({
  name: "srm.recordShipment",
  labelZh: "登记供应商发货",
  labelEn: "Record the supplier's shipment",
  run: (ctx) => recordShipmentStep(ctx),
});

registerForm({
  key: "delivery_notice",
  titleZh: "发货通知",
  titleEn: "Shipping notice",
  fields: [
    { name: "shippedDate", type: "date", labelZh: "发货日期", labelEn: "Shipping date", required: true },
    { name: "waybillNo", type: "text", labelZh: "运单号", labelEn: "Waybill number", required: true },
    { name: "comment", type: "textarea", labelZh: "备注", labelEn: "Comment" },
  ],
});

// The warehouse's receipt against the delivery plan, per plan line (rows: planLineItems,
// set by lib/erp/start-delivery-flow.ts): accepted (prefilled with the planned quantity)
// and rejected (prefilled with 0), each at most the planned quantity, and where it goes.
registerForm({
  key: "delivery_receipt",
  titleZh: "按交货计划收货",
  titleEn: "Receive against the delivery plan",
  fields: [
    { name: "acceptedQuantities", type: "lines", linesFrom: "planLineItems", rowMax: true, min: 0, labelZh: "合格数量", labelEn: "Accepted quantity", required: true },
    { name: "rejectedQuantities", type: "lines", linesFrom: "planLineItems", rowMax: true, rowStart: "zero", min: 0, labelZh: "不合格数量", labelEn: "Rejected quantity" },
    RECEIPT_LOCATION,
    { name: "comment", type: "textarea", labelZh: "备注", labelEn: "Comment" },
  ],
});

// The plan as the delivery flow carries it (set by lib/erp/start-delivery-flow.ts). No
// step fills this form; it gives the record's fields their labels on task pages, where
// the portal shows labelled fields only.
registerForm({
  key: "delivery_record",
  titleZh: "交货计划信息",
  titleEn: "Delivery plan",
  fields: [
    { name: "planNumber", type: "text", labelZh: "交货计划号", labelEn: "Delivery plan" },
    { name: "plannedDate", type: "date", labelZh: "计划交货日期", labelEn: "Planned delivery date" },
    { name: "planLines", type: "textarea", labelZh: "交货行", labelEn: "Delivery lines" },
  ],
});

// The supplier's initial review (processes/supplier-initial-review.bpmn, SRM-2): started
// by a job queued when the supplier is registered; an approval makes it a potential supplier.
registerJobKind({ kind: INITIAL_REVIEW.job, run: (db, job) => runStartInitialReview(db, job) });

registerServiceHandler({
  name: "srm.markPotential",
  labelZh: "转为潜在供应商",
  labelEn: "Make the supplier a potential supplier",
  run: (ctx) => markPotentialStep(ctx),
});

registerForm({
  key: "supplier_initial_review",
  titleZh: "供应商初审",
  titleEn: "Supplier initial review",
  fields: [
    { name: "decision", type: "decision", labelZh: "初审结论", labelEn: "Decision", required: true },
    { name: "comment", type: "textarea", labelZh: "初审意见", labelEn: "Comment" },
  ],
});

// The re-review (processes/supplier-re-review.bpmn, SRM-3): started from a potential
// supplier's archive with its documents on file; an approval opens the supplier and its account.
registerJobKind({ kind: RE_REVIEW.job, run: (db, job) => runStartReReview(db, job) });

registerServiceHandler({
  name: "srm.openSupplierAccount",
  labelZh: "开通供应商及门户账号",
  labelEn: "Open the supplier and its portal account",
  run: (ctx) => openSupplierAccountStep(ctx),
});

registerForm({
  key: "supplier_re_review",
  titleZh: "供应商复核",
  titleEn: "Supplier re-review",
  fields: [
    { name: "decision", type: "decision", labelZh: "复核结论", labelEn: "Decision", required: true },
    { name: "comment", type: "textarea", labelZh: "复核意见", labelEn: "Comment" },
  ],
});

// The registration as the review carries it (set by lib/srm/initial-review.ts). No step
// fills this form; it labels the record on the task page.
registerForm({
  key: "supplier_record",
  titleZh: "供应商登记信息",
  titleEn: "Supplier registration",
  fields: [
    { name: "supplierCode", type: "text", labelZh: "供应商编码", labelEn: "Supplier code" },
    { name: "supplierName", type: "text", labelZh: "供应商名称", labelEn: "Supplier name" },
    { name: "taxCode", type: "text", labelZh: "税码", labelEn: "Tax code" },
    { name: "paymentTerm", type: "text", labelZh: "付款条件", labelEn: "Payment terms" },
    { name: "contactName", type: "text", labelZh: "联系人", labelEn: "Contact" },
    { name: "contactPhone", type: "text", labelZh: "联系电话", labelEn: "Phone" },
    { name: "address", type: "text", labelZh: "地址", labelEn: "Address" },
    { name: "earlierReviews", type: "textarea", labelZh: "以往初审记录", labelEn: "Earlier reviews" },
    { name: "portalUsername", type: "text", labelZh: "门户账号", labelEn: "Portal account" },
    { name: "documents", type: "textarea", labelZh: "证明文件", labelEn: "Proof documents" },
  ],
});
