"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { deleteMappingInput } from "@/lib/erp/centre/centre.schema";
import { deleteMapping } from "@/lib/erp/delete-mapping";
import { mappingInput } from "@/lib/erp/erp.schema";
import { saveMapping } from "@/lib/erp/save-mapping";

export const saveMappingAction = employeeAction("integration.manage", mappingInput, async (input, { actor, db }) => {
  const row = await saveMapping(db, actor, input);
  revalidatePath("/integration/mappings");
  return { id: row.id };
});

export const deleteMappingAction = employeeAction("integration.manage", deleteMappingInput, async ({ id }, { actor, db }) => {
  await deleteMapping(db, actor, id);
  revalidatePath("/integration/mappings");
  return { id };
});
