import "server-only";
import { getDb, type Db } from "../db/client";
import type { EmployeeActor, SupplierActor } from "./actor";

export async function loadEmployeeActor(id: string, db?: Db): Promise<EmployeeActor | null> {
  db ??= await getDb();
  const e = await db.employee.findUnique({
    where: { id },
    include: {
      roles: { include: { role: { select: { key: true } } } },
      groups: { where: { group: { active: true } }, include: { group: { select: { key: true } } } },
    },
  });
  if (!e || !e.active) return null;
  return {
    realm: "employee",
    id: e.id,
    username: e.username,
    name: e.name,
    departmentId: e.departmentId,
    roles: e.roles.map((r) => r.role.key),
    groups: e.groups.map((g) => g.group.key),
  };
}

export async function loadSupplierActor(id: string, db?: Db): Promise<SupplierActor | null> {
  db ??= await getDb();
  const u = await db.supplierUser.findUnique({ where: { id }, include: { supplier: true } });
  if (!u || !u.active || u.supplier.status === "suspended") return null;
  return {
    realm: "supplier",
    id: u.id,
    username: u.username,
    name: u.name,
    supplierId: u.supplierId,
    supplierName: u.supplier.name,
  };
}
