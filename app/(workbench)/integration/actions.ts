"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { syncNowInput } from "@/lib/erp/erp.schema";
import { syncNow } from "@/lib/erp/sync-now";
import { testConnection } from "@/lib/erp/test-connection";

export const testConnectionAction = employeeAction("integration.manage", z.object({}), async (_input, { actor, db }) => {
  const r = await testConnection(db, actor);
  revalidatePath("/integration", "layout");
  return r;
});

export const syncNowAction = employeeAction("integration.manage", syncNowInput, async ({ full }, { actor, db }) => {
  const r = await syncNow(db, actor, { full });
  revalidatePath("/integration", "layout");
  return r;
});
