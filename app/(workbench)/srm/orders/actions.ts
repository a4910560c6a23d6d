"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { createPurchaseOrder } from "@/lib/srm/create-purchase-order";
import type { PurchaseOrderInput } from "@/lib/srm/purchase-order.schema";

// createPurchaseOrder validates its input itself (per-line field errors, suppliers and products checked against the data).
export const createPurchaseOrderAction = employeeAction("purchase_order.manage", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const po = await createPurchaseOrder(db, actor, input as PurchaseOrderInput);
  revalidatePath("/srm");
  return { id: po.id };
});
