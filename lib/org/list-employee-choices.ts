import "server-only";
import type { EmployeeActor } from "../auth/actor";
import type { Db } from "../db/client";
import { manageableDepartmentIds } from "./list-employees";

export type EmployeeChoice = Awaited<ReturnType<typeof listEmployeeChoices>>[number];

/** A light list of the people the actor administers, for pickers (department head, group members). */
export async function listEmployeeChoices(db: Db, actor: EmployeeActor) {
  const scope = await manageableDepartmentIds(db, actor);
  return db.employee.findMany({
    where: scope ? { departmentId: { in: scope } } : {},
    orderBy: { username: "asc" },
    select: { id: true, username: true, name: true, active: true, departmentId: true },
  });
}
