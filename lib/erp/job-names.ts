// Names shared by the ERP job kinds and whoever queues them. A leaf module on purpose:
// the job registry and the modules that queue jobs import each other in a cycle
// (run-job -> handlers -> lib/erp -> run-job-now -> run-job), and constants read while
// a cycle is still loading would be undefined.
export const ERP_WRITE_JOB = "erp.write";
export const ERP_POLL_JOB = "erp.poll";
export const START_ORDER_FLOW_JOB = "erp.startOrderFlow";
export const ORDER_FLOW_KEY = "purchase_order_confirmation";

export const startKey = (orderId: string) => `erp.startOrderFlow:${orderId}`;
