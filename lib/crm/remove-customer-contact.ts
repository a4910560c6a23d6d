import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { editableContact, syncMainContact } from "./save-customer-contact";

/** A contact removed from a customer by whoever may change it (CRM-2); the next one becomes the main contact. Audited with what was removed. */
export async function removeCustomerContact(db: Db, who: Actor | null, customerId: string, contactId: string) {
  const { actor, customer, contact } = await editableContact(db, who, customerId, contactId);
  await db.$transaction(async (tx) => {
    await tx.customerContact.delete({ where: { id: contact!.id } });
    await syncMainContact(tx, customer.id);
    await writeAudit(tx, actor, { action: "customer.contact_remove", entity: "Customer", entityId: customer.id, before: contact });
  });
  return { id: customer.id };
}
