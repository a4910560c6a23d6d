import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { enqueueErpWrite } from "../erp/outbox";
import { customerAddressInput, addressText, type CustomerAddressInput } from "./customer-address.schema";
import { customerPartyWrite } from "./customer-erp-write";
import { assertMayEditCustomer, visibleCustomer } from "./customer-scope";

const ADDRESS = { id: true, kind: true, label: true, countryCode: true, province: true, city: true, street: true, postalCode: true, contactName: true, phone: true, isPrimary: true } as const;
const MAX_ADDRESSES = 20;

/**
 * Keeps Customer.address the primary address's text (lists, search and the phone use it):
 * the primary address, else the first one entered, which then becomes primary. A customer
 * of record is written to the ERP again with all its addresses (outbox, same transaction).
 */
async function syncPrimaryAddress(tx: Tx, customerId: string, key: string) {
  const main = await tx.customerAddress.findFirst({ where: { customerId }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }] });
  if (main && !main.isPrimary) await tx.customerAddress.update({ where: { id: main.id }, data: { isPrimary: true } });
  const saved = await tx.customer.update({ where: { id: customerId }, data: { address: main ? addressText(main) : null } });
  if (saved.stage === "customer") await enqueueErpWrite(tx, customerPartyWrite(saved, `customer:${customerId}:address:${key}`));
}

/** The customer, if the employee may change it, and (for a change) its address. */
async function editableAddress(db: Db, who: Actor | null, customerId: string, addressId: string | null) {
  const actor = requirePermission(who, "crm.view");
  const customer = await visibleCustomer(db, actor, customerId, { id: true, ownerId: true, teamId: true });
  await assertMayEditCustomer(db, actor, customer);
  const address = addressId ? await db.customerAddress.findFirst({ where: { id: /^[0-9a-f-]{36}$/i.test(addressId) ? addressId : "", customerId: customer.id }, select: ADDRESS }) : null;
  if (addressId && !address) throw new AppError("not_found");
  return { actor, customer, address };
}

/** An address added to a customer or changed, by whoever may change the customer; one primary at most; audited. */
export async function saveCustomerAddress(db: Db, who: Actor | null, customerId: string, addressId: string | null, raw: CustomerAddressInput) {
  const input = parseInput(customerAddressInput, raw);
  const { actor, customer, address } = await editableAddress(db, who, customerId, addressId);
  return db.$transaction(async (tx) => {
    if (!address && (await tx.customerAddress.count({ where: { customerId: customer.id } })) >= MAX_ADDRESSES) {
      throw new AppError("validation", { fieldErrors: { street: "crm.addresses.tooMany" } });
    }
    if (input.isPrimary) await tx.customerAddress.updateMany({ where: { customerId: customer.id, isPrimary: true }, data: { isPrimary: false } });
    const saved = address
      ? await tx.customerAddress.update({ where: { id: address.id }, data: input, select: { ...ADDRESS, updatedAt: true } })
      : await tx.customerAddress.create({ data: { ...input, customerId: customer.id }, select: { ...ADDRESS, updatedAt: true } });
    const { updatedAt, ...after } = saved;
    await syncPrimaryAddress(tx, customer.id, `${saved.id}:${updatedAt.toISOString()}`);
    await writeAudit(tx, actor, { action: address ? "customer.address_update" : "customer.address_add", entity: "Customer", entityId: customer.id, before: address ?? undefined, after });
    return after;
  });
}

/** An address removed; if it was the primary one, the next oldest becomes primary. Audited. */
export async function removeCustomerAddress(db: Db, who: Actor | null, customerId: string, addressId: string) {
  const { actor, customer, address } = await editableAddress(db, who, customerId, addressId);
  if (!address) throw new AppError("not_found");
  await db.$transaction(async (tx) => {
    await tx.customerAddress.delete({ where: { id: address.id } });
    await syncPrimaryAddress(tx, customer.id, `${address.id}:removed`);
    await writeAudit(tx, actor, { action: "customer.address_remove", entity: "Customer", entityId: customer.id, before: address });
  });
  return { id: address.id };
}
