import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { ClaimedJob } from "../workflow/jobs/claim-jobs";
import { ErpError, type ErpConnector, type ErpWriteResult } from "./connector";
import { faultAfterSend } from "./fault";
import { getConnector } from "./get-connector";
import type { ErpWriteInputs, ErpWriteOperation, ErpWritePayload, ErpWriteRecord } from "./outbox";
import { partyInputFor } from "./party-input";
import { withSyncLog } from "./sync-log";

/**
 * Runs one queued ERP write (job kind erp.write), outside any transaction: send,
 * then record the ERP's id. A crash in between leaves the job running; it is
 * claimed again after its lease and the connector answers the same key with
 * repeated=true, so the ERP holds the write once and the app records it then.
 */
export async function runErpWrite(db: Db, job: ClaimedJob) {
  const p = job.payload as unknown as ErpWritePayload;
  const connector = await getConnector(db);
  const input = await currentInput(db, connector, p);
  try {
    const result = await withSyncLog(db, { connector: connector.kind, direction: "write", operation: `write.${p.operation}`, request: input, jobId: job.id, idempotencyKey: p.key }, () => send(connector, p.operation, input, p.key));
    faultAfterSend(p.operation);
    if (p.record) await recordResult(db, p.record, result);
    return result;
  } catch (e) {
    // The ERP refused the data: retrying the same data cannot help, so this attempt is the last.
    if (e instanceof ErpError && !e.transient) job.attempts = job.maxAttempts;
    throw e;
  }
}

/** A party is written as it is now (a later change may already be saved); other inputs as queued. */
async function currentInput(db: Db, connector: ErpConnector, p: ErpWritePayload): Promise<ErpWriteInputs[ErpWriteOperation]> {
  if (p.operation === "upsertParty" && p.record && (p.record.model === "supplier" || p.record.model === "customer")) {
    return (await partyInputFor(db, connector.kind, p.record.model, p.record.id)) ?? p.input;
  }
  return p.input;
}

function send(c: ErpConnector, op: ErpWriteOperation, input: ErpWriteInputs[ErpWriteOperation], key: string): Promise<ErpWriteResult> {
  switch (op) {
    case "upsertParty":
      return c.upsertParty(input as ErpWriteInputs["upsertParty"], key);
    case "confirmPurchaseOrder":
      return c.confirmPurchaseOrder(input as ErpWriteInputs["confirmPurchaseOrder"], key);
    case "cancelPurchaseOrder":
      return c.cancelPurchaseOrder(input as ErpWriteInputs["cancelPurchaseOrder"], key);
    case "postGoodsReceipt":
      return c.postGoodsReceipt(input as ErpWriteInputs["postGoodsReceipt"], key);
    case "recordSalesOrder":
      return c.recordSalesOrder(input as ErpWriteInputs["recordSalesOrder"], key);
    case "confirmSalesOrder":
      return c.confirmSalesOrder(input as ErpWriteInputs["confirmSalesOrder"], key);
    default:
      throw new ErpError(`unknown ERP write ${String(op)}`, false);
  }
}

async function recordResult(db: Db, record: ErpWriteRecord, result: ErpWriteResult) {
  if (record.model === "salesContract") return recordContractSale(db, record.id, result);
  await db.$transaction(async (tx) => {
    const where = { id: record.id };
    if (record.model === "opportunity") {
      // The quotation of an approved commercial review: its id and number shown on the opportunity.
      const data = { erpSaleId: result.erpId, erpSaleNumber: result.number ?? null, erpQuotedAt: new Date() };
      const changed = await tx.opportunity.updateMany({ where, data });
      if (changed.count) await writeAudit(tx, SYSTEM, { action: "erp.write_recorded", entity: "Opportunity", entityId: record.id, after: { erpId: result.erpId, number: result.number ?? null, repeated: result.repeated } });
      return;
    }
    const data = { erpId: result.erpId };
    const changed =
      record.model === "supplier" ? await tx.supplier.updateMany({ where, data })
      : record.model === "customer" ? await tx.customer.updateMany({ where, data })
      : await tx.goodsReceipt.updateMany({ where, data });
    if (changed.count) {
      const entity = record.model === "supplier" ? "Supplier" : record.model === "customer" ? "Customer" : "GoodsReceipt";
      await writeAudit(tx, SYSTEM, { action: "erp.write_recorded", entity, entityId: record.id, after: { erpId: result.erpId, repeated: result.repeated } });
    }
  });
}

/** A signed contract's confirmed sale: kept on the contract once (a repeat changes nothing). */
async function recordContractSale(db: Db, id: string, result: ErpWriteResult) {
  await db.$transaction(async (tx) => {
    const changed = await tx.salesContract.updateMany({ where: { id, erpConfirmedAt: null }, data: { erpSaleId: result.erpId, erpSaleNumber: result.number ?? null, erpConfirmedAt: new Date() } });
    if (changed.count) await writeAudit(tx, SYSTEM, { action: "erp.write_recorded", entity: "SalesContract", entityId: id, after: { erpId: result.erpId, number: result.number ?? null, repeated: result.repeated } });
  });
}
