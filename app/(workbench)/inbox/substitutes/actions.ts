"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { cancelSubstitution } from "@/lib/inbox/cancel-substitution";
import { createSubstitution } from "@/lib/inbox/create-substitution";
import { idInput, substitutionInput } from "@/lib/inbox/inbox.schema";

export const createSubstitutionAction = employeeAction(null, substitutionInput, async (input, { actor, db }) => {
  const r = await createSubstitution(db, actor, input);
  revalidatePath("/inbox/substitutes");
  return r;
});

export const cancelSubstitutionAction = employeeAction(null, idInput, async ({ id }, { actor, db }) => {
  const r = await cancelSubstitution(db, actor, id);
  revalidatePath("/inbox/substitutes");
  return r;
});
