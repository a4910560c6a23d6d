import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import { customerContactInput, type CustomerContactInput } from "./customer-contact.schema";
import { assertMayEditCustomer, visibleCustomer } from "./customer-scope";

const CONTACT = { id: true, name: true, title: true, phone: true, email: true, primary: true } as const;

/**
 * The customer's main contact as the lists show and search it (its name and phone on the
 * customer row): the primary contact, else the first one entered, who then becomes primary.
 */
export async function syncMainContact(tx: Tx, customerId: string) {
  const main = await tx.customerContact.findFirst({ where: { customerId }, orderBy: [{ primary: "desc" }, { createdAt: "asc" }], select: { id: true, name: true, phone: true, primary: true } });
  if (main && !main.primary) await tx.customerContact.update({ where: { id: main.id }, data: { primary: true } });
  await tx.customer.update({ where: { id: customerId }, data: { contactName: main?.name ?? null, contactPhone: main?.phone ?? null } });
}

/** The customer, if the employee may change it, and (for a change) its contact. */
export async function editableContact(db: Db | Tx, who: Actor | null, customerId: string, contactId: string | null) {
  const actor = requirePermission(who, "crm.view");
  const customer = await visibleCustomer(db, actor, customerId, { id: true, ownerId: true, teamId: true });
  await assertMayEditCustomer(db, actor, customer);
  const contact = contactId ? await db.customerContact.findFirst({ where: { id: /^[0-9a-f-]{36}$/i.test(contactId) ? contactId : "", customerId: customer.id }, select: CONTACT }) : null;
  if (contactId && !contact) throw new AppError("not_found");
  return { actor, customer, contact };
}

/**
 * A contact added to a customer or changed (CRM-2) by whoever may change the customer:
 * one primary contact at most, the customer's main contact kept in step, audited with
 * the contact before and after.
 */
export async function saveCustomerContact(db: Db, who: Actor | null, customerId: string, contactId: string | null, raw: CustomerContactInput) {
  const input = parseInput(customerContactInput, raw);
  const { actor, customer, contact } = await editableContact(db, who, customerId, contactId);
  return db.$transaction(async (tx) => {
    if (input.primary) await tx.customerContact.updateMany({ where: { customerId: customer.id, primary: true }, data: { primary: false } });
    const saved = contact
      ? await tx.customerContact.update({ where: { id: contact.id }, data: input, select: CONTACT })
      : await tx.customerContact.create({ data: { ...input, customerId: customer.id }, select: CONTACT });
    await syncMainContact(tx, customer.id);
    await writeAudit(tx, actor, { action: contact ? "customer.contact_update" : "customer.contact_add", entity: "Customer", entityId: customer.id, before: contact ?? undefined, after: saved });
    return saved;
  });
}
