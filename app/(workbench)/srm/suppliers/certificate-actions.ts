"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { supplierCategoriesInput } from "@/lib/srm/certificates/certificates.schema";
import { setSupplierCategories } from "@/lib/srm/certificates/set-supplier-categories";

export const setSupplierCategoriesAction = employeeAction("supplier.manage", supplierCategoriesInput, async (input, { actor, db }) => {
  await setSupplierCategories(db, actor, input);
  revalidatePath(`/srm/suppliers/${input.supplierId}`);
  return { ok: true };
});
