import type { EmployeeActor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";

export type AdminSection = { href: string; key: string; permission: Permission };

const SECTIONS: AdminSection[] = [
  { href: "/admin/departments", key: "departments", permission: "org.view" },
  { href: "/admin/employees", key: "employees", permission: "org.manage.department" },
  { href: "/admin/groups", key: "groups", permission: "org.view" },
  { href: "/admin/roles", key: "roles", permission: "org.view" },
  { href: "/admin/supplier-accounts", key: "supplierAccounts", permission: "supplier_account.manage" },
  { href: "/admin/custom-fields", key: "customFields", permission: "org.manage" },
  { href: "/admin/certificate-types", key: "certificateTypes", permission: "org.manage" },
  { href: "/admin/product-categories", key: "productCategories", permission: "product.library" },
  { href: "/admin/calendar", key: "calendar", permission: "calendar.manage" },
  { href: "/admin/audit", key: "audit", permission: "audit.view" },
];

/**
 * The admin sections this actor may open, for navigation only: each page and
 * each lib function checks its own permission again.
 */
export function adminSections(actor: EmployeeActor): AdminSection[] {
  return SECTIONS.filter((s) => hasPermission(actor, s.permission)).map((s) =>
    // A department admin manages only their own department's people; say so.
    s.key === "employees" && !hasPermission(actor, "org.manage") ? { ...s, key: "employeesScoped" } : s,
  );
}
