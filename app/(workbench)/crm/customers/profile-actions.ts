"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import type { CustomerContactInput } from "@/lib/crm/customer-contact.schema";
import type { MergeInput } from "@/lib/crm/customer-merge.schema";
import type { CustomerAddressInput } from "@/lib/crm/customer-address.schema";
import { mergeCustomers } from "@/lib/crm/merge-customers";
import { removeCustomerContact } from "@/lib/crm/remove-customer-contact";
import { saveCustomerContact } from "@/lib/crm/save-customer-contact";
import { removeCustomerAddress, saveCustomerAddress } from "@/lib/crm/save-customer-address";
import { updateCustomer, type CustomerProfileInput } from "@/lib/crm/update-customer";

// Profile, contacts and merges of a customer (CRM-2); the use-cases validate, decide who may and audit.

const id = z.string().max(40);

export const updateCustomerAction = employeeAction("crm.view", z.object({ id, input: z.record(z.string(), z.unknown()) }), async ({ id, input }, { actor, db }) => {
  await updateCustomer(db, actor, id, input as CustomerProfileInput);
  revalidatePath(`/crm/customers/${id}`);
  return { id };
});

export const saveContactAction = employeeAction("crm.view", z.object({ customerId: id, contactId: id.nullable(), input: z.record(z.string(), z.unknown()) }), async ({ customerId, contactId, input }, { actor, db }) => {
  const saved = await saveCustomerContact(db, actor, customerId, contactId, input as CustomerContactInput);
  revalidatePath(`/crm/customers/${customerId}`);
  return { id: saved.id };
});

export const removeContactAction = employeeAction("crm.view", z.object({ customerId: id, contactId: id }), async ({ customerId, contactId }, { actor, db }) => {
  await removeCustomerContact(db, actor, customerId, contactId);
  revalidatePath(`/crm/customers/${customerId}`);
  return { id: customerId };
});

export const saveAddressAction = employeeAction("crm.view", z.object({ customerId: id, addressId: id.nullable(), input: z.record(z.string(), z.unknown()) }), async ({ customerId, addressId, input }, { actor, db }) => {
  const saved = await saveCustomerAddress(db, actor, customerId, addressId, input as CustomerAddressInput);
  revalidatePath(`/crm/customers/${customerId}`);
  return { id: saved.id };
});

export const removeAddressAction = employeeAction("crm.view", z.object({ customerId: id, addressId: id }), async ({ customerId, addressId }, { actor, db }) => {
  await removeCustomerAddress(db, actor, customerId, addressId);
  revalidatePath(`/crm/customers/${customerId}`);
  return { id: customerId };
});

export const mergeCustomersAction = employeeAction("customer.assign", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const done = await mergeCustomers(db, actor, input as MergeInput);
  revalidatePath("/crm/customers");
  return { id: done.id };
});
