import "server-only";
import { logger } from "../log/logger";
import { now } from "../workflow/clock";
import type { DomainModule } from "../workflow/registry";
import { cancelOrderStep } from "./cancel-order-step";
import { confirmOrderStep } from "./confirm-order-step";
import { loadConnection } from "./connection";
import { connectorFor } from "./get-connector";
import { ERP_POLL_JOB, ERP_WRITE_JOB, POLL_PLANS_JOB, START_DELIVERY_FLOW_JOB, START_ORDER_FLOW_JOB } from "./job-names";
import { pollDeliveryPlans } from "./poll-delivery-plans";
import { pollPurchaseOrders } from "./poll-orders";
import { postReceiptStep } from "./post-receipt-step";
import { runErpWrite } from "./run-erp-write";
import { runStartDeliveryFlow } from "./start-delivery-flow";
import { runStartOrderFlow } from "./start-order-flow";

/**
 * The ERP integration as the workflow platform sees it (its forms, order
 * confirmation and receipt, are files in processes/forms/): the BPMN service tasks
 * ff:handler="erp.*", and the jobs that write to the ERP, poll it, and start flows from what it sends.
 */
export const erpModule: DomainModule = {
  name: "erp",
  serviceHandlers: [
    { name: "erp.confirmPurchaseOrder", labelZh: "ERP：回写采购订单确认", labelEn: "ERP: write back the order confirmation", run: confirmOrderStep },
    { name: "erp.cancelPurchaseOrder", labelZh: "ERP：取消供应商拒绝的采购订单", labelEn: "ERP: cancel the order the supplier declined", run: cancelOrderStep },
    { name: "erp.postGoodsReceipt", labelZh: "ERP：过账收货", labelEn: "ERP: post the goods receipt", run: postReceiptStep },
  ],
  jobKinds: [
    { kind: ERP_WRITE_JOB, run: async (db, job) => void (await runErpWrite(db, job)) },
    { kind: START_ORDER_FLOW_JOB, run: runStartOrderFlow },
    { kind: START_DELIVERY_FLOW_JOB, run: runStartDeliveryFlow },
    // Queued by a confirmation write-back: the ERP plans the delivery from it, so ask now
    // instead of at the next poll (the built-in connector has no poller at all). Fails and
    // retries like any job while the ERP is down.
    { kind: POLL_PLANS_JOB, run: async (db, job) => void (await pollDeliveryPlans(db, connectorFor(db, await loadConnection(db)), { jobId: job.id })) },
    {
      kind: ERP_POLL_JOB,
      // A recurring job that never fails for good: an ERP that is down is logged (sync log,
      // connection health) and asked again at the next interval.
      async run(db, job) {
        const conn = await loadConnection(db);
        const rescheduleAt = new Date(now().getTime() + conn.pollSeconds * 1000);
        // Built in, there are no ERP events: the poller ends, and saving an ERP connection starts it again.
        if (conn.kind === "builtin") return;
        try {
          const connector = connectorFor(db, conn);
          await pollPurchaseOrders(db, connector, { jobId: job.id });
          await pollDeliveryPlans(db, connector, { jobId: job.id });
        } catch (err) {
          logger.warn({ err }, "ERP poll failed");
          await db.erpConnection.updateMany({ data: { healthOk: false, healthAt: now(), healthMessage: err instanceof Error ? err.message.slice(0, 500) : String(err) } });
        }
        return { rescheduleAt };
      },
    },
  ],
};
