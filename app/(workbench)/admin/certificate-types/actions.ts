"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { certificateRequirementInput, certificateTypeInput, supplierCategoryInput } from "@/lib/srm/certificates/certificates.schema";
import { saveCertificateType, saveSupplierCategory, setCertificateRequirement } from "@/lib/srm/certificates/certificate-setup";

const PAGE = "/admin/certificate-types";

export const saveCertificateTypeAction = employeeAction("org.manage", certificateTypeInput, async (input, { actor, db }) => {
  const saved = await saveCertificateType(db, actor, input);
  revalidatePath(PAGE);
  return { id: saved.id };
});

export const saveSupplierCategoryAction = employeeAction("org.manage", supplierCategoryInput, async (input, { actor, db }) => {
  const saved = await saveSupplierCategory(db, actor, input);
  revalidatePath(PAGE);
  return { id: saved.id };
});

export const setCertificateRequirementAction = employeeAction("org.manage", certificateRequirementInput, async (input, { actor, db }) => {
  const done = await setCertificateRequirement(db, actor, input);
  revalidatePath(PAGE);
  return done;
});
