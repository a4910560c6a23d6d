import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { departmentInput, departmentUpdate, type DepartmentInput, type DepartmentUpdate } from "./org.schema";
import { subtreeIds } from "./department-scope";
import { parseInput } from "../errors/parse-input";

/** headId is unique: report a head who already leads another department on that field, not as a code clash. */
async function assertHeadFree(tx: Tx, headId: string | null, id?: string) {
  if (!headId) return;
  const other = await tx.department.findFirst({ where: { headId, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (other) throw new AppError("validation", { fieldErrors: { headId: "validation.taken" } });
}

async function assertNoCycle(tx: Tx, id: string, parentId: string | null) {
  if (!parentId) return;
  if ((await subtreeIds(tx, id)).includes(parentId)) throw new AppError("department_cycle");
}

export async function createDepartment(db: Db, actor: EmployeeActor, raw: DepartmentInput) {
  requirePermission(actor, "org.manage");
  const input = parseInput(departmentInput, raw);
  try {
    return await db.$transaction(async (tx) => {
      await assertHeadFree(tx, input.headId);
      const dept = await tx.department.create({ data: input });
      await writeAudit(tx, actor, { action: "department.create", entity: "Department", entityId: dept.id, after: dept });
      return dept;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { code: "validation.taken" } });
    throw e;
  }
}

export async function updateDepartment(db: Db, actor: EmployeeActor, raw: DepartmentUpdate) {
  requirePermission(actor, "org.manage");
  const { id, ...data } = parseInput(departmentUpdate, raw);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.department.findUnique({ where: { id } });
      if (!before) throw new AppError("not_found");
      await assertNoCycle(tx, id, data.parentId);
      await assertHeadFree(tx, data.headId, id);
      const after = await tx.department.update({ where: { id }, data });
      await writeAudit(tx, actor, { action: "department.update", entity: "Department", entityId: id, before, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("duplicate", { fieldErrors: { code: "validation.taken" } });
    throw e;
  }
}

/** Deactivating is refused while active people or sub-departments remain. */
export async function setDepartmentActive(db: Db, actor: EmployeeActor, id: string, active: boolean) {
  requirePermission(actor, "org.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found");
    if (!active) {
      const busy = await tx.department.count({ where: { parentId: id, active: true } });
      const people = await tx.employee.count({ where: { departmentId: id, active: true } });
      if (busy || people) throw new AppError("department_not_empty");
    }
    const after = await tx.department.update({ where: { id }, data: { active } });
    await writeAudit(tx, actor, { action: active ? "department.activate" : "department.deactivate", entity: "Department", entityId: id, before: { active: before.active }, after: { active } });
    return after;
  });
}
