/** Who is acting. Supplier users carry their tenant, taken from the session only. */
export type EmployeeActor = {
  realm: "employee";
  id: string;
  username: string;
  name: string;
  departmentId: string | null;
  roles: string[];
  groups: string[];
};

export type SupplierActor = {
  realm: "supplier";
  id: string;
  username: string;
  name: string;
  supplierId: string;
  supplierName: string;
  /** The supplier's own administrator: manages its colleagues' portal accounts. */
  isAdmin: boolean;
  /** The password was chosen by someone else: only the password change is open until it is replaced. */
  mustChangePassword: boolean;
};

export type SystemActor = { realm: "system"; id: null; name: string };

export type Actor = EmployeeActor | SupplierActor | SystemActor;

export const SYSTEM: SystemActor = { realm: "system", id: null, name: "system" };
