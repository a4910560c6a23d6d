"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { supplierAction } from "@/lib/auth/action-client";
import { proposeSupplierChange } from "@/lib/srm/supplier-change/propose-supplier-change";

// The supplier is the session's (proposeSupplierChange takes it from the actor, never from the input); it validates the rest itself.
export const proposePortalChangeAction = supplierAction(z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const change = await proposeSupplierChange(db, actor, input as Parameters<typeof proposeSupplierChange>[2]);
  revalidatePath("/portal/changes");
  revalidatePath("/portal");
  return { number: change.number };
});
