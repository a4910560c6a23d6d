import "server-only";
import type { FormDefinition, FormField } from "../workflow/forms";

// Forms of the purchase-order confirmation flow (processes/purchase-order-confirmation.bpmn)
// and of the receipt in the delivery flow (processes/supplier-delivery.bpmn). The supplier
// confirms a quantity per order line (the rows come from the instance's orderLineItems,
// set by start-order-flow.ts) and one delivery date; the warehouse enters the delivery's
// received totals (spread over its lines in order, see post-receipt-step.ts).
export const PO_CONFIRMATION_FORM: FormDefinition = {
  key: "po_confirmation",
  titleZh: "确认采购订单",
  titleEn: "Confirm purchase order",
  fields: [
    { name: "confirmedQuantities", type: "lines", linesFrom: "orderLineItems", rowMax: true, min: 0, labelZh: "确认数量", labelEn: "Confirmed quantity" },
    { name: "confirmedDate", type: "date", labelZh: "承诺交货日期", labelEn: "Confirmed delivery date", required: true },
    { name: "supplierRef", type: "text", labelZh: "供应商订单号", labelEn: "Supplier reference" },
    { name: "comment", type: "textarea", labelZh: "备注", labelEn: "Comment" },
  ],
};

/** Where received goods go: the app's locations (mapped to the ERP's in post-receipt-step.ts). */
export const RECEIPT_LOCATION: FormField = {
  name: "location",
  type: "select",
  labelZh: "入库库位",
  labelEn: "Location",
  required: true,
  options: [
    { value: "WH01-IN", labelZh: "WH01 收货区", labelEn: "WH01 receiving" },
    { value: "WH01-STOCK", labelZh: "WH01 存储区", labelEn: "WH01 storage" },
  ],
};

export const GOODS_RECEIPT_FORM: FormDefinition = {
  key: "goods_receipt",
  titleZh: "收货",
  titleEn: "Goods receipt",
  fields: [
    { name: "acceptedQuantity", type: "number", labelZh: "合格数量", labelEn: "Accepted quantity", required: true, min: 0, max: 1e9 },
    { name: "rejectedQuantity", type: "number", labelZh: "不合格数量", labelEn: "Rejected quantity", min: 0, max: 1e9 },
    RECEIPT_LOCATION,
    { name: "comment", type: "textarea", labelZh: "备注", labelEn: "Comment" },
  ],
};
