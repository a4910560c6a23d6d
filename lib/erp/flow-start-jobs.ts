import "server-only";
import type { Tx } from "../db/client";
import { deliveryStartKey, START_DELIVERY_FLOW_JOB, START_ORDER_FLOW_JOB, orderStartKey } from "./job-names";

// The jobs that start a record's flow, queued in the transaction that writes the record
// (one per revision: a change in the ERP starts the flow again). Each returns the job's
// key, for runJobNow after the commit.

export async function queueOrderFlowStart(tx: Tx, orderId: string, opts: { revision?: number; startedBy?: string | null } = {}): Promise<string> {
  const revision = opts.revision ?? 1;
  const idempotencyKey = orderStartKey(orderId, revision);
  await tx.job.create({ data: { kind: START_ORDER_FLOW_JOB, idempotencyKey, payload: { orderId, revision, startedBy: opts.startedBy ?? null } } });
  return idempotencyKey;
}

export async function queueDeliveryFlowStart(tx: Tx, planId: string, revision: number): Promise<string> {
  const idempotencyKey = deliveryStartKey(planId, revision);
  await tx.job.create({ data: { kind: START_DELIVERY_FLOW_JOB, idempotencyKey, payload: { planId, revision } } });
  return idempotencyKey;
}

/**
 * The start of an order held while its supplier was blocked, queued when the supplier is
 * unblocked: once per blocking (the key names when it began) and order revision.
 */
export async function queueHeldOrderStart(tx: Tx, orderId: string, revision: number, heldSince: Date): Promise<string> {
  const idempotencyKey = `${orderStartKey(orderId, revision)}:held:${heldSince.getTime()}`;
  await tx.job.createMany({ data: [{ kind: START_ORDER_FLOW_JOB, idempotencyKey, payload: { orderId, revision, startedBy: null } }], skipDuplicates: true });
  return idempotencyKey;
}
