import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { SalesOrderConfirmationInput } from "../../erp/connector";
import { enqueueErpWrite } from "../../erp/outbox";
import { AppError } from "../../errors/app-error";
import { now } from "../../workflow/clock";
import { customerPartyWrite } from "../customer-erp-write";
import { CONTRACT_FILE_OWNER } from "./contract-file-access";
import { assertMayEditContract, visibleContract } from "./contract-scope";
import type { ContractTerms } from "./contract.schema";

/** The outbox key of a contract's confirmation: one per contract, so the ERP confirms it once. */
const contractConfirmKey = (id: string) => `sales-contract-confirm:${id}`;

/**
 * An approved contract is marked signed (optionally with the signed scan already uploaded
 * for it) and, in the same transaction, the confirmed sales order is queued for the ERP:
 * the quotation the opportunity review wrote moves to confirmed, or the sale is recorded
 * first when there is none. Signing twice refuses; the queued write happens once.
 */
export async function signContract(db: Db, who: Actor | null, id: string, opts: { scanFileId?: string | null } = {}) {
  const actor = requirePermission(who, "crm.view");
  const c = await visibleContract(db, actor, id, {
    customer: true,
    opportunity: { select: { code: true, erpSaleId: true } },
    versions: { orderBy: { version: "desc" }, take: 1 },
  });
  await assertMayEditContract(db, actor, c);
  if (c.status !== "approved") throw new AppError("contract_state");
  const scanFileId = opts.scanFileId ?? null;
  if (scanFileId) {
    const f = await db.storedFile.findUnique({ where: { id: scanFileId }, select: { ownerType: true, ownerId: true } });
    if (!f || f.ownerType !== CONTRACT_FILE_OWNER || f.ownerId !== c.id) throw new AppError("not_found");
  }
  const terms = c.versions[0].terms as unknown as ContractTerms;
  const reference = c.opportunity?.code ?? c.number;
  const party = customerPartyWrite(c.customer, "").input;
  const input: SalesOrderConfirmationInput = {
    reference,
    saleErpId: c.opportunity?.erpSaleId ?? null,
    order: {
      reference,
      customer: party,
      currencyCode: terms.currencyCode,
      lines: terms.lines.filter((l) => l.productCode).map((l) => ({ productCode: l.productCode!, description: l.description, quantity: l.quantity, unitCode: l.unitCode ?? "PCS", unitPrice: l.unitPrice })),
    },
  };
  const signedAt = now();
  await db.$transaction(async (tx) => {
    const moved = await tx.salesContract.updateMany({ where: { id, status: "approved", currentVersion: c.currentVersion }, data: { status: "signed", signedAt, signedScanId: scanFileId } });
    if (!moved.count) throw new AppError("contract_state");
    await enqueueErpWrite(tx, { operation: "confirmSalesOrder", input, idempotencyKey: contractConfirmKey(id), record: { model: "salesContract", id } });
    await writeAudit(tx, actor, { action: "sales_contract.sign", entity: "SalesContract", entityId: id, after: { version: c.currentVersion, signedAt, scanFileId, reference } });
  });
  return { signedAt };
}
