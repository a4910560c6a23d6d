"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { customFieldActive, customFieldInput, customFieldMove, customFieldUpdate } from "@/lib/custom-fields/custom-fields.schema";
import { createCustomField, moveCustomField, setCustomFieldActive, updateCustomField } from "@/lib/custom-fields/save-custom-field";

// The records' forms and lists read the fields on every request; only this page shows them from the router cache.
const PAGE = "/admin/custom-fields";

export const createCustomFieldAction = employeeAction("org.manage", customFieldInput, async (input, { actor, db }) => {
  const f = await createCustomField(db, actor, input);
  revalidatePath(PAGE);
  return { id: f.id };
});

export const updateCustomFieldAction = employeeAction("org.manage", customFieldUpdate, async (input, { actor, db }) => {
  const f = await updateCustomField(db, actor, input);
  revalidatePath(PAGE);
  return { id: f.id };
});

export const setCustomFieldActiveAction = employeeAction("org.manage", customFieldActive, async (input, { actor, db }) => {
  await setCustomFieldActive(db, actor, input);
  revalidatePath(PAGE);
  return { id: input.id };
});

export const moveCustomFieldAction = employeeAction("org.manage", customFieldMove, async (input, { actor, db }) => {
  await moveCustomField(db, actor, input);
  revalidatePath(PAGE);
  return { id: input.id };
});
