"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { saveConnection } from "@/lib/erp/connection";
import { connectionInput } from "@/lib/erp/erp.schema";
import { testConnection } from "@/lib/erp/test-connection";

export const saveConnectionAction = employeeAction("integration.manage", connectionInput, async (input, { actor, db }) => {
  const view = await saveConnection(db, actor, input);
  revalidatePath("/integration", "layout");
  return { kind: view.kind, hasPassword: view.hasPassword };
});

export const testSavedConnectionAction = employeeAction("integration.manage", z.object({}), async (_input, { actor, db }) => {
  const r = await testConnection(db, actor);
  revalidatePath("/integration", "layout");
  return r;
});
