"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { setProductLibrary } from "@/lib/crm/products/product-library";
import type { ProductLibraryInput } from "@/lib/crm/products/product-category.schema";

export const setProductLibraryAction = employeeAction("product.library", z.record(z.string(), z.unknown()), async (input, { actor, db }) => {
  const done = await setProductLibrary(db, actor, input as ProductLibraryInput);
  revalidatePath("/crm/products");
  return done;
});
