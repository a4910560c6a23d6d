import { AppError } from "../errors/app-error";
import type { Actor, EmployeeActor, SupplierActor } from "./actor";

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
  /** See every customer (CRM-2); without it, one's own and the team's shared ones. */
  "customer.view_all": ["admin"],
  /** See the customers of one's department's sales teams. */
  "customer.view_department": ["admin", "sales_lead", "manager"],
  /** Reassign customers within one's department and set the CRM's thresholds. */
  "customer.assign": ["admin", "sales_lead"],
  /** See the department's leads and the pool, and distribute pool leads to the department's reps (CRM-3). */
  "lead.distribute": ["admin", "sales_lead"],
  /** Edit the lead source and assignment rules and the stale-lead reminder's days. */
  "lead.rules": ["admin", "sales_lead"],
  /** Write, change and delete knowledge-base articles and categories (CRM-0); everyone with crm.view reads them. */
  "knowledge.edit": ["admin", "sales_lead"],
  /** Set the margin floor a commercial opportunity review checks (CRM-6). */
  "opportunity.review_settings": ["admin"],
  /** Maintain the product library (CRM-4): categories with their technical parameters, and products' categories and parameter values. */
  "product.library": ["admin", "sales_lead", "engineer"],
  /** Edit the working calendar's holidays and make-up working days (CRM-8's deadlines count on it). */
  "calendar.manage": ["admin"],
  /** The liaison-form report across departments (CRM-8): every stage of every form, the load per department and person. */
  "liaison.report": ["admin", "manager", "sales_lead"],
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

/** A portal user, also one whose password change is due: for that change itself only. */
export function requireSupplierSession(actor: Actor | null | undefined): SupplierActor {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.realm !== "supplier") throw new AppError("forbidden");
  return actor;
}

export function requireSupplierUser(actor: Actor | null | undefined): SupplierActor {
  return refuseWhilePasswordChangeDue(requireSupplierSession(actor));
}

/** The supplier's own administrator (SRM-10): manages the colleagues of the same supplier only. */
export function requireSupplierAdmin(actor: Actor | null | undefined): SupplierActor {
  const user = requireSupplierUser(actor);
  if (!user.isAdmin) throw new AppError("forbidden");
  return user;
}

/**
 * A portal user whose password someone else chose (an initial one, a reset) may do
 * nothing but replace it: every action and API call of that session is refused.
 */
export function refuseWhilePasswordChangeDue<A extends Actor | null | undefined>(actor: A): A {
  if (actor?.realm === "supplier" && actor.mustChangePassword) throw new AppError("password_change_required");
  return actor;
}
