import "server-only";
import type { Db } from "../db/client";

export type EmployeePick = { id: string; name: string; username: string; departmentZh: string | null; departmentEn: string | null };
export type SupplierPick = { id: string; code: string; name: string };

/** Active employees to hand a task to or name as a substitute. */
export async function listEmployeePicks(db: Db, opts: { exceptId?: string } = {}): Promise<EmployeePick[]> {
  const rows = await db.employee.findMany({
    where: { active: true, ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}) },
    orderBy: { username: "asc" },
    take: 2000,
    select: { id: true, name: true, username: true, department: { select: { nameZh: true, nameEn: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, username: r.username, departmentZh: r.department?.nameZh ?? null, departmentEn: r.department?.nameEn ?? null }));
}

/** Suppliers a process can be started for (a start form's "supplier" field). */
export async function listSupplierPicks(db: Db): Promise<SupplierPick[]> {
  return db.supplier.findMany({ where: { status: "active" }, orderBy: { code: "asc" }, take: 2000, select: { id: true, code: true, name: true } });
}
