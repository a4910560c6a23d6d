"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { setActiveInput } from "@/lib/org/org.schema";
import { idInput } from "@/lib/inbox/inbox.schema";
import { createSupplierUser, resetSupplierUserPassword, setSupplierUserActive } from "@/lib/srm/supplier-accounts";
import { supplierUserInput } from "@/lib/srm/supplier.schema";

export const createSupplierUserAction = employeeAction("supplier_account.manage", supplierUserInput, async (input, { actor, db }) => {
  const u = await createSupplierUser(db, actor, input);
  revalidatePath("/admin/supplier-accounts");
  return { id: u.id };
});

export const setSupplierUserActiveAction = employeeAction("supplier_account.manage", setActiveInput, async ({ id, active }, { actor, db }) => {
  await setSupplierUserActive(db, actor, id, active);
  revalidatePath("/admin/supplier-accounts");
  return { id };
});

export const resetSupplierUserPasswordAction = employeeAction("supplier_account.manage", idInput, async ({ id }, { actor, db }) => {
  const reset = await resetSupplierUserPassword(db, actor, id);
  revalidatePath("/admin/supplier-accounts");
  return reset;
});
