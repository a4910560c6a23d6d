import "server-only";
import { logger } from "../log/logger";
import { now } from "../workflow/clock";
import { registerJobKind } from "../workflow/jobs/job-kinds";
import { connectorFor } from "./get-connector";
import { loadConnection } from "./connection";
import { ERP_POLL_JOB, ERP_WRITE_JOB, POLL_PLANS_JOB, START_DELIVERY_FLOW_JOB, START_ORDER_FLOW_JOB } from "./job-names";
import { pollDeliveryPlans } from "./poll-delivery-plans";
import { pollPurchaseOrders } from "./poll-orders";
import { runErpWrite } from "./run-erp-write";
import { runStartDeliveryFlow } from "./start-delivery-flow";
import { runStartOrderFlow } from "./start-order-flow";

// Lambdas, not the functions themselves: this runs while an import cycle may still be loading them.
registerJobKind({ kind: ERP_WRITE_JOB, run: async (db, job) => void (await runErpWrite(db, job)) });
registerJobKind({ kind: START_ORDER_FLOW_JOB, run: (db, job) => runStartOrderFlow(db, job) });
registerJobKind({ kind: START_DELIVERY_FLOW_JOB, run: (db, job) => runStartDeliveryFlow(db, job) });
// Queued by a confirmation write-back: the ERP plans the delivery from it, so ask now
// instead of at the next poll (the built-in connector has no poller at all). Fails and
// retries like any job while the ERP is down.
registerJobKind({ kind: POLL_PLANS_JOB, run: async (db, job) => void (await pollDeliveryPlans(db, connectorFor(db, await loadConnection(db)), { jobId: job.id })) });
registerJobKind({
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
});
