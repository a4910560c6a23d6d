"use server";

import { revalidatePath } from "next/cache";
import { supplierAction } from "@/lib/auth/action-client";
import { supplierDocumentInput } from "@/lib/srm/certificates/certificates.schema";
import { submitSupplierDocument } from "@/lib/srm/certificates/submit-supplier-document";

export const submitSupplierDocumentAction = supplierAction(supplierDocumentInput, async (input, { actor, db }) => {
  const doc = await submitSupplierDocument(db, actor, input);
  revalidatePath("/portal/documents");
  return doc;
});
