"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { proposeSupplierChange } from "@/lib/srm/supplier-change/propose-supplier-change";

// proposeSupplierChange validates its input itself (per-field errors, codes from the lists, nothing changed, one open change).
export const proposeSupplierChangeAction = employeeAction("supplier.manage", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const change = await proposeSupplierChange(db, actor, input as Parameters<typeof proposeSupplierChange>[2]);
  revalidatePath(`/srm/suppliers/${change.supplierId}`);
  return { number: change.number };
});
