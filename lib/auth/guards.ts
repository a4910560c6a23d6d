import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { EmployeeActor, SupplierActor } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import { sessionActor } from "./session";

/** The portal page where a password someone else chose is replaced. */
export const PORTAL_PASSWORD_PATH = "/portal/password";

/** Page-level guard for the workbench: sends anyone else to the employee sign-in. */
export async function employeeOrRedirect(): Promise<EmployeeActor> {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  if (actor.realm !== "employee") redirect("/login?notice=wrongRealm");
  return actor;
}

/**
 * The portal user of the session, whether or not a password change is due: for the
 * portal's frame (layout) and the password page only.
 */
export async function supplierSessionOrRedirect(): Promise<SupplierActor> {
  const actor = await sessionActor();
  if (!actor) redirect("/portal/login");
  if (actor.realm !== "supplier") redirect("/portal/login?notice=wrongRealm");
  return actor;
}

/**
 * Page-level guard for the portal: supplier users only, and only once they have
 * replaced a password someone else chose (until then every page sends them to the
 * password change; actions and the API refuse them in currentActor).
 */
export async function supplierOrRedirect(): Promise<SupplierActor> {
  const actor = await supplierSessionOrRedirect();
  if (actor.mustChangePassword) redirect(PORTAL_PASSWORD_PATH);
  return actor;
}

/** Portal page for the supplier's own administrator: other portal users get the 403 page. */
export async function supplierAdminOrForbidden(): Promise<SupplierActor> {
  const actor = await supplierOrRedirect();
  if (!actor.isAdmin) forbidden();
  return actor;
}

/** Workbench page that needs a permission: others get the 403 page, not an error. */
export async function employeeWithPermission(permission: Permission): Promise<EmployeeActor> {
  const actor = await employeeOrRedirect();
  if (!hasPermission(actor, permission)) forbidden();
  return actor;
}
