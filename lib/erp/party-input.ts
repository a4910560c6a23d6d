import "server-only";
import type { Db } from "../db/client";
import type { ConnectorKind, PartyAddress, PartyInput, PartyRole } from "./connector";

/** The ERP id of a local code-list code: a mapping first, then the synced record; the code itself for the built-in connector. */
async function erpIdOf(db: Db, kind: ConnectorKind, entity: "paymentTerm" | "tax" | "currency" | "unit" | "warehouse" | "location", code: string | null): Promise<string | null> {
  if (!code) return null;
  if (kind === "builtin") return code;
  const mapping = await db.erpMapping.findUnique({ where: { entity_localCode: { entity, localCode: code } } });
  if (mapping) return mapping.erpId;
  const md = await db.masterData.findUnique({ where: { kind_code: { kind: entity, code } } });
  return md?.erpId ?? null;
}

/** A supplier or customer as it is now, ready to write to the ERP. */
/** A customer's addresses for the ERP, the primary one first. */
async function customerAddresses(db: Db, customerId: string): Promise<PartyAddress[]> {
  const rows = await db.customerAddress.findMany({ where: { customerId }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }] });
  return rows.map((a) => ({ name: a.label, countryCode: a.countryCode, province: a.province, city: a.city, street: a.street, postalCode: a.postalCode }));
}

export async function partyInputFor(db: Db, kind: ConnectorKind, role: PartyRole, id: string): Promise<PartyInput | null> {
  const p = role === "supplier" ? await db.supplier.findUnique({ where: { id } }) : await db.customer.findUnique({ where: { id } });
  if (!p) return null;
  return {
    role,
    code: p.code,
    name: p.name,
    // A Chinese customer's tax identity is its unified social credit code.
    taxCode: ("creditCode" in p ? p.creditCode : null) ?? p.taxCode,
    paymentTermErpId: await erpIdOf(db, kind, "paymentTerm", p.paymentTermCode),
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    address: p.address,
    ...(role === "customer" ? { addresses: await customerAddresses(db, id) } : {}),
    ...("bankAccount" in p ? { bankName: p.bankName, bankAccount: p.bankAccount } : {}),
    erpId: p.erpId,
  };
}
