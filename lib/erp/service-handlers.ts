import "server-only";
import { registerServiceHandler } from "../workflow/service-registry";
import { confirmOrderStep } from "./confirm-order-step";
import "./erp-forms";
import { postReceiptStep } from "./post-receipt-step";
import "./register-erp-jobs";

// The ERP's BPMN service tasks (ff:handler="erp.*"). Loaded by lib/workflow/handlers.ts,
// which brings in the ERP job kinds and forms wherever jobs run.
registerServiceHandler({
  name: "erp.confirmPurchaseOrder",
  labelZh: "ERP：回写采购订单确认",
  labelEn: "ERP: write back the order confirmation",
  run: (ctx) => confirmOrderStep(ctx),
});

registerServiceHandler({
  name: "erp.postGoodsReceipt",
  labelZh: "ERP：过账收货",
  labelEn: "ERP: post the goods receipt",
  run: (ctx) => postReceiptStep(ctx),
});
