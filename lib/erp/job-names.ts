// Names shared by the ERP job kinds and whoever queues them. A leaf module on purpose:
// the job registry and the modules that queue jobs import each other in a cycle
// (run-job -> handlers -> lib/erp -> run-job-now -> run-job), and constants read while
// a cycle is still loading would be undefined.
export const ERP_WRITE_JOB = "erp.write";
export const ERP_POLL_JOB = "erp.poll";
export const START_ORDER_FLOW_JOB = "erp.startOrderFlow";
export const ORDER_FLOW_KEY = "purchase_order_confirmation";

export const START_DELIVERY_FLOW_JOB = "erp.startDeliveryFlow";
export const POLL_PLANS_JOB = "erp.pollDeliveryPlans";
export const DELIVERY_FLOW_KEY = "supplier_delivery";

/** Revision 1 keeps the key it always had; a revision after an ERP change starts its own flow. */
export const orderStartKey = (orderId: string, revision: number) => `erp.startOrderFlow:${orderId}${revision > 1 ? `:${revision}` : ""}`;
export const deliveryStartKey = (planId: string, revision: number) => `erp.startDeliveryFlow:${planId}:${revision}`;
/** Asked once per confirmation, so the delivery the ERP planned from it arrives without waiting for the poller. */
export const pollPlansKey = (orderId: string) => `erp.pollDeliveryPlans:${orderId}`;
