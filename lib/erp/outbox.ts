import "server-only";
import type { Tx } from "../db/client";
import type { GoodsReceiptInput, PartyInput, PurchaseCancellationInput, PurchaseConfirmationInput, SalesOrderConfirmationInput, SalesOrderInput } from "./connector";

import { ERP_WRITE_JOB } from "./job-names";

export type ErpWriteInputs = {
  upsertParty: PartyInput;
  confirmPurchaseOrder: PurchaseConfirmationInput;
  cancelPurchaseOrder: PurchaseCancellationInput;
  postGoodsReceipt: GoodsReceiptInput;
  recordSalesOrder: SalesOrderInput;
  confirmSalesOrder: SalesOrderConfirmationInput;
};
export type ErpWriteOperation = keyof ErpWriteInputs;

/** The app record that keeps the ERP's id once the write succeeded. */
export type ErpWriteRecord = { model: "supplier" | "customer" | "goodsReceipt" | "opportunity" | "salesContract"; id: string };

export type ErpWritePayload<Op extends ErpWriteOperation = ErpWriteOperation> = {
  operation: Op;
  input: ErpWriteInputs[Op];
  /** Passed to the connector: the ERP-side guarantee that this write happens once. */
  key: string;
  record?: ErpWriteRecord;
};

/**
 * Queues an ERP write in the caller's transaction (the outbox): it is sent after
 * commit by the job worker, retried with backoff, and ends as a failed job that an
 * operator can retry. The same key queued twice is one job.
 */
export async function enqueueErpWrite<Op extends ErpWriteOperation>(
  tx: Tx,
  w: { operation: Op; input: ErpWriteInputs[Op]; idempotencyKey: string; instanceId?: string | null; record?: ErpWriteRecord },
) {
  const payload: ErpWritePayload<Op> = { operation: w.operation, input: w.input, key: w.idempotencyKey, ...(w.record ? { record: w.record } : {}) };
  await tx.job.createMany({
    data: [{ kind: ERP_WRITE_JOB, idempotencyKey: `erp.write:${w.idempotencyKey}`, instanceId: w.instanceId ?? null, payload: JSON.parse(JSON.stringify(payload)) as object }],
    skipDuplicates: true,
  });
}
