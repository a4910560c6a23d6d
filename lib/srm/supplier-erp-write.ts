import "server-only";
import type { Supplier } from "../db/generated/client";
import type { PartyInput } from "../erp/connector";

/**
 * The outbox entry that writes a supplier to the ERP. The input is a snapshot for
 * the log; the job writes the supplier as it is when it runs (lib/erp/run-erp-write.ts),
 * with the payment term resolved to the ERP's id there.
 */
export function supplierPartyWrite(s: Supplier, idempotencyKey: string) {
  const input: PartyInput = {
    role: "supplier",
    code: s.code,
    name: s.name,
    taxCode: s.taxCode,
    paymentTermErpId: null,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    address: s.address,
    bankName: s.bankName,
    bankAccount: s.bankAccount,
    erpId: s.erpId,
  };
  return { operation: "upsertParty" as const, input, idempotencyKey, record: { model: "supplier" as const, id: s.id } };
}
