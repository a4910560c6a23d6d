import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { subtreeIds } from "../../org/department-scope";
import { completeTask } from "../../workflow/complete-task";
import { UUID } from "../requirements/requirement-scope";

/**
 * The department head allocates a stage to a person of the department (or its sub-departments,
 * or themself): checked here, then the head's allocation task is completed with that person,
 * so the flow hands the work task to them. Only the task's assignee may do it (the workflow
 * checks again); an allocated stage is a conflict.
 */
export async function allocateLiaisonStage(db: Db, who: Actor | null, stageId: string, employeeId: string) {
  const actor = requirePermission(who, "crm.view");
  const stage = UUID.test(stageId) ? await db.liaisonStage.findUnique({ where: { id: stageId }, select: { id: true, status: true, instanceId: true, departmentId: true, department: { select: { headId: true } } } }) : null;
  if (!stage) throw new AppError("not_found");
  if (stage.department.headId !== actor.id) throw new AppError("forbidden");
  if (stage.status !== "allocating" || !stage.instanceId) throw new AppError("conflict");
  const person = UUID.test(employeeId) ? await db.employee.findFirst({ where: { id: employeeId, active: true, departmentId: { in: await subtreeIds(db, stage.departmentId) } }, select: { id: true } }) : null;
  if (!person) throw new AppError("validation", { fieldErrors: { employeeId: "validation.liaison_assignee_not_in_department" } });
  const task = await db.task.findFirst({ where: { instanceId: stage.instanceId, formKey: "liaison_allocate", status: "open" }, select: { id: true } });
  if (!task) throw new AppError("conflict");
  return completeTask(db, actor, { taskId: task.id, data: { assigneeId: person.id } });
}
