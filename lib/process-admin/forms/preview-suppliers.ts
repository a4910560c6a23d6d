import "server-only";
import type { EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";

/** The options a supplier field offers (the active suppliers), for the designer's preview. */
export async function previewSuppliers(db: Db, actor: EmployeeActor) {
  requirePermission(actor, "process.design");
  const rows = await db.supplier.findMany({ where: { status: "active" }, orderBy: { name: "asc" }, take: 50, select: { id: true, name: true } });
  return rows.map((s) => ({ label: s.name, value: s.id }));
}
