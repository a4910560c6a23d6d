import { AppError } from "../errors/app-error";
import type { Actor, EmployeeActor } from "./actor";

/**
 * The permission table: permission -> roles that hold it. The UI may hide what
 * a role lacks; the server decides with requirePermission.
 */
export const PERMISSIONS = {
  "org.view": ["admin", "dept_admin", "manager"],
  "org.manage": ["admin"],
  /** Decentralised administration: manage people inside one's own department subtree. */
  "org.manage.department": ["admin", "dept_admin"],
  "supplier_account.manage": ["admin", "buyer_lead"],
  "audit.view": ["admin"],
  "srm.view": ["admin", "buyer", "buyer_lead", "quality", "warehouse", "finance", "manager"],
  "crm.view": ["admin", "sales", "sales_lead", "engineer", "manager"],
  "process.design": ["admin", "process_owner"],
  "report.view": ["admin", "manager", "buyer_lead", "sales_lead"],
  /** Move someone else's open task to another person. */
  "task.reassign": ["admin", "manager", "buyer_lead", "sales_lead", "process_owner"],
  /** Operate running instances: incidents, retries, cancellations. */
  "process.operate": ["admin", "process_owner"],
  /** See the integration centre: connector health, sync log, failed writes. */
  "integration.view": ["admin", "process_owner", "manager", "buyer_lead"],
  /** Configure the ERP connection and mappings, sync now, retry failed writes. */
  "integration.manage": ["admin"],
  /** Change supplier master data (written back to the ERP once approved). */
  "supplier.manage": ["admin", "buyer", "buyer_lead"],
  /** Approve a supplier: it becomes active and is written to the ERP. */
  "supplier.approve": ["admin", "buyer_lead"],
  /** Enter purchase orders in the app (built-in connector) and follow them. */
  "purchase_order.manage": ["admin", "buyer", "buyer_lead"],
} as const satisfies Record<string, readonly string[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_KEYS = [
  "admin",
  "dept_admin",
  "manager",
  "process_owner",
  "buyer",
  "buyer_lead",
  "quality",
  "warehouse",
  "sales",
  "sales_lead",
  "engineer",
  "finance",
] as const;

export function hasPermission(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor || actor.realm !== "employee") return false;
  const allowed: readonly string[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

export function permissionsOf(actor: Actor | null | undefined): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(actor, p));
}

export function requireEmployee(actor: Actor | null | undefined): EmployeeActor {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.realm !== "employee") throw new AppError("forbidden");
  return actor;
}

export function requirePermission(actor: Actor | null | undefined, permission: Permission): EmployeeActor {
  const employee = requireEmployee(actor);
  if (!hasPermission(employee, permission)) throw new AppError("forbidden");
  return employee;
}

export function requireSupplierUser(actor: Actor | null | undefined) {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.realm !== "supplier") throw new AppError("forbidden");
  return actor;
}
