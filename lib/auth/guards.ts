import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { EmployeeActor, SupplierActor } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import { currentActor } from "./session";

/** Page-level guard for the workbench: sends anyone else to the employee sign-in. */
export async function employeeOrRedirect(): Promise<EmployeeActor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.realm !== "employee") redirect("/login?notice=wrongRealm");
  return actor;
}

/** Page-level guard for the portal: supplier users only. */
export async function supplierOrRedirect(): Promise<SupplierActor> {
  const actor = await currentActor();
  if (!actor) redirect("/portal/login");
  if (actor.realm !== "supplier") redirect("/portal/login?notice=wrongRealm");
  return actor;
}

/** Workbench page that needs a permission: others get the 403 page, not an error. */
export async function employeeWithPermission(permission: Permission): Promise<EmployeeActor> {
  const actor = await employeeOrRedirect();
  if (!hasPermission(actor, permission)) forbidden();
  return actor;
}
