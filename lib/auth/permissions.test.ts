import { describe, expect, it } from "vitest";
import type { EmployeeActor, SupplierActor } from "./actor";
import { hasPermission, PERMISSIONS, permissionsOf, refuseWhilePasswordChangeDue, requirePermission, requireSupplierAdmin, requireSupplierSession, requireSupplierUser, ROLE_KEYS } from "./permissions";

const employee = (roles: string[]): EmployeeActor => ({ realm: "employee", id: "e1", username: "x", name: "X", departmentId: null, roles, groups: [] });
const supplier: SupplierActor = { realm: "supplier", id: "s1", username: "s", name: "S", supplierId: "sup1", supplierName: "Sup", isAdmin: false, mustChangePassword: false };

describe("permission table", () => {
  it("names only roles that exist", () => {
    for (const [perm, roles] of Object.entries(PERMISSIONS)) {
      for (const r of roles) expect(ROLE_KEYS, `${perm} -> ${r}`).toContain(r);
    }
  });

  it("grants by role", () => {
    expect(hasPermission(employee(["admin"]), "org.manage")).toBe(true);
    expect(hasPermission(employee(["buyer"]), "srm.view")).toBe(true);
    expect(hasPermission(employee(["sales"]), "srm.view")).toBe(false);
    expect(hasPermission(employee(["dept_admin"]), "org.manage")).toBe(false);
    expect(hasPermission(employee(["dept_admin"]), "org.manage.department")).toBe(true);
  });

  it("an employee with no roles holds nothing", () => {
    expect(permissionsOf(employee([]))).toEqual([]);
  });

  it("a supplier user holds no employee permission whatever it claims", () => {
    const forged = { ...supplier, roles: ["admin"] } as unknown as SupplierActor;
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(hasPermission(forged, p)).toBe(false);
    expect(() => requirePermission(forged, "org.view")).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("refuses anonymous callers as unauthenticated, wrong realms as forbidden", () => {
    expect(() => requirePermission(null, "org.view")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => requireSupplierUser(employee(["admin"]))).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(requireSupplierUser(supplier).supplierId).toBe("sup1");
  });
});

describe("portal users whose password someone else chose", () => {
  it("are refused everything but the password change, with a code of its own", () => {
    const due: SupplierActor = { ...supplier, mustChangePassword: true };
    expect(() => requireSupplierUser(due)).toThrow(expect.objectContaining({ code: "password_change_required" }));
    expect(() => refuseWhilePasswordChangeDue(due)).toThrow(expect.objectContaining({ code: "password_change_required" }));
    expect(requireSupplierSession(due).id).toBe("s1");
    expect(refuseWhilePasswordChangeDue(supplier)).toBe(supplier);
    expect(refuseWhilePasswordChangeDue(null)).toBeNull();
  });

  it("only a supplier's administrator passes requireSupplierAdmin, and not while a change is due", () => {
    expect(() => requireSupplierAdmin(supplier)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(requireSupplierAdmin({ ...supplier, isAdmin: true }).id).toBe("s1");
    expect(() => requireSupplierAdmin({ ...supplier, isAdmin: true, mustChangePassword: true })).toThrow(expect.objectContaining({ code: "password_change_required" }));
    expect(() => requireSupplierAdmin(employee(["admin"]))).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});
