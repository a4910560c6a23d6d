"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { saveConnection } from "@/lib/erp/connection";
import { connectionInput } from "@/lib/erp/erp.schema";

export const saveConnectionAction = employeeAction("integration.manage", connectionInput, async (input, { actor, db }) => {
  const view = await saveConnection(db, actor, input);
  revalidatePath("/integration", "layout");
  return { kind: view.kind, hasPassword: view.hasPassword };
});
