import "server-only";
import type { Customer } from "../db/generated/client";
import type { PartyInput } from "../erp/connector";

/**
 * The outbox entry that writes a customer of record to the ERP as a party. The input is
 * a snapshot for the log; the job writes the customer as it is when it runs
 * (lib/erp/run-erp-write.ts reads it again), so two quick edits write the latest once more.
 */
export function customerPartyWrite(c: Customer, idempotencyKey: string) {
  const input: PartyInput = {
    role: "customer",
    code: c.code,
    name: c.name,
    taxCode: c.creditCode ?? c.taxCode,
    paymentTermErpId: null,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    address: c.address,
    erpId: c.erpId,
  };
  return { operation: "upsertParty" as const, input, idempotencyKey, record: { model: "customer" as const, id: c.id } };
}
