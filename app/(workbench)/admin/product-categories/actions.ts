"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { saveProductCategory } from "@/lib/crm/products/product-categories";
import type { ProductCategoryInput } from "@/lib/crm/products/product-category.schema";

export const saveProductCategoryAction = employeeAction("product.library", z.object({ id: z.string().max(40).nullish() }).catchall(z.unknown()), async ({ id, ...input }, { actor, db }) => {
  const row = await saveProductCategory(db, actor, id ?? null, input as ProductCategoryInput);
  revalidatePath("/admin/product-categories");
  return row;
});
