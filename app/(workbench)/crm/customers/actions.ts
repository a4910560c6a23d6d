"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { attachVisitPhoto } from "@/lib/crm/attach-visit-photo";
import { createCustomer } from "@/lib/crm/create-customer";
import { saveCustomerCategory, type CustomerCategoryInput } from "@/lib/crm/customer-categories";
import type { CustomerInput } from "@/lib/crm/customer.schema";
import { setContactThresholds } from "@/lib/crm/crm-settings";
import { findCustomerDuplicates } from "@/lib/crm/find-customer-duplicates";
import { logCustomerContact, type ContactLogInput } from "@/lib/crm/log-customer-contact";
import { reassignCustomer } from "@/lib/crm/reassign-customer";

// The use-cases validate their input themselves (field errors), decide visibility and write the audit rows.

export const customerDuplicatesAction = employeeAction("crm.view", z.object({ name: z.string().max(200), creditCode: z.string().max(60).optional() }), async (q, { actor, db }) =>
  findCustomerDuplicates(db, actor, q),
);

export const createCustomerAction = employeeAction("crm.view", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const c = await createCustomer(db, actor, input as CustomerInput);
  revalidatePath("/crm");
  return { id: c.id };
});

export const logContactAction = employeeAction("crm.view", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const log = await logCustomerContact(db, actor, input as ContactLogInput);
  revalidatePath(`/crm/customers/${String(input.customerId)}`);
  return { id: log.id };
});

export const attachVisitPhotoAction = employeeAction("crm.view", z.object({ logId: z.string().max(40), fileId: z.string().max(40) }), async ({ logId, fileId }, { actor, db }) => {
  const log = await attachVisitPhoto(db, actor, logId, fileId);
  revalidatePath(`/crm/customers/${log.customerId}`);
  return { id: log.id };
});

export const reassignCustomerAction = employeeAction("customer.assign", z.object({ id: z.string().max(40), ownerId: z.string().max(40) }), async ({ id, ownerId }, { actor, db }) => {
  await reassignCustomer(db, actor, id, { ownerId });
  revalidatePath(`/crm/customers/${id}`);
  return { id };
});

export const setThresholdsAction = employeeAction("customer.assign", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const value = await setContactThresholds(db, actor, input);
  revalidatePath("/crm/customers");
  return value;
});

export const saveCategoryAction = employeeAction("customer.categories", z.object({ id: z.string().max(40).nullable(), input: z.record(z.string(), z.unknown()) }), async ({ id, input }, { actor, db }) => {
  const saved = await saveCustomerCategory(db, actor, id, input as CustomerCategoryInput);
  revalidatePath("/crm/customers/categories");
  return saved;
});
