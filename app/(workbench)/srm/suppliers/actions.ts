"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { customValuesUpdate } from "@/lib/custom-fields/custom-fields.schema";
import { updateCustomValues } from "@/lib/custom-fields/update-custom-values";
import { registerSupplier } from "@/lib/srm/register-supplier";
import { startReReview } from "@/lib/srm/re-review";
import { resubmitInitialReview } from "@/lib/srm/resubmit-initial-review";
import { findSimilarSuppliers } from "@/lib/srm/similar-suppliers";

// registerSupplier validates its input itself (field errors for codes not in the lists, a name on file).
export const registerSupplierAction = employeeAction("supplier.manage", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const s = await registerSupplier(db, actor, input);
  revalidatePath("/srm");
  return { id: s.id };
});

export const similarSuppliersAction = employeeAction("srm.view", z.object({ name: z.string().max(200) }), async ({ name }, { actor, db }) => findSimilarSuppliers(db, actor, name));

export const resubmitInitialReviewAction = employeeAction("supplier.manage", z.object({ supplierId: z.string().uuid() }), async ({ supplierId }, { actor, db }) => {
  await resubmitInitialReview(db, actor, supplierId);
  revalidatePath(`/srm/suppliers/${supplierId}`);
  return { supplierId };
});

// startReReview validates its input itself; the initial password comes back once, for the buyer to hand over.
// The archive shows the new (closed) account and the running re-review at once; the form stays on the page to show the password.
export const startReReviewAction = employeeAction("supplier_account.manage", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const created = await startReReview(db, actor, input);
  revalidatePath(`/srm/suppliers/${String(input.supplierId)}`);
  return created;
});

// The supplier's custom values (the administrator's fields), checked against the active fields by the use-case.
export const updateSupplierCustomAction = employeeAction("supplier.manage", customValuesUpdate, async (input, { actor, db }) => {
  await updateCustomValues(db, actor, "supplier", input);
  revalidatePath(`/srm/suppliers/${input.id}`);
  return { id: input.id };
});
