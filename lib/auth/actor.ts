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
};

export type SystemActor = { realm: "system"; id: null; name: string };

export type Actor = EmployeeActor | SupplierActor | SystemActor;

export const SYSTEM: SystemActor = { realm: "system", id: null, name: "system" };
