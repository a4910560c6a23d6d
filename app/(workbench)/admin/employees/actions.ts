"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { employeeInput, employeeUpdate, setActiveInput } from "@/lib/org/org.schema";
import { createEmployee, setEmployeeActive, updateEmployee } from "@/lib/org/save-employee";

// org.manage.department admits department admins; the domain then limits them to their subtree
// and to what they may grant (lib/org/grant-scope.ts).
export const createEmployeeAction = employeeAction("org.manage.department", employeeInput, async (input, { actor, db }) => {
  const e = await createEmployee(db, actor, input);
  revalidatePath("/admin/employees");
  return { id: e.id };
});

export const updateEmployeeAction = employeeAction("org.manage.department", employeeUpdate, async (input, { actor, db }) => {
  const e = await updateEmployee(db, actor, input);
  revalidatePath("/admin/employees");
  return { id: e.id };
});

export const setEmployeeActiveAction = employeeAction("org.manage.department", setActiveInput, async ({ id, active }, { actor, db }) => {
  await setEmployeeActive(db, actor, id, active);
  revalidatePath("/admin/employees");
  return { id };
});
