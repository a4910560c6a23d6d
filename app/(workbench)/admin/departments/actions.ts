"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { departmentInput, departmentUpdate, setActiveInput } from "@/lib/org/org.schema";
import { createDepartment, setDepartmentActive, updateDepartment } from "@/lib/org/save-department";

export const createDepartmentAction = employeeAction("org.manage", departmentInput, async (input, { actor, db }) => {
  const d = await createDepartment(db, actor, input);
  revalidatePath("/admin/departments");
  return { id: d.id };
});

export const updateDepartmentAction = employeeAction("org.manage", departmentUpdate, async (input, { actor, db }) => {
  const d = await updateDepartment(db, actor, input);
  revalidatePath("/admin/departments");
  return { id: d.id };
});

export const setDepartmentActiveAction = employeeAction("org.manage", setActiveInput, async ({ id, active }, { actor, db }) => {
  await setDepartmentActive(db, actor, id, active);
  revalidatePath("/admin/departments");
  return { id };
});
