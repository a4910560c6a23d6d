import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import type { ServiceContext } from "../../workflow/service-handler";
import { subtreeIds } from "../../org/department-scope";
import { advanceLiaisonForm } from "./advance-liaison-form";

/** The completed task of a stage's flow by its form (the allocation or the work). */
const doneTask = (ctx: ServiceContext, formKey: string) =>
  ctx.db.task.findFirst({ where: { instanceId: ctx.instanceId, formKey, status: "completed" }, orderBy: { completedAt: "desc" }, select: { completedAt: true, completedById: true } });

/**
 * Service task crm.liaisonAllocated: the head's choice (assigneeId; a user name from a task
 * completed before the form had a person picker) becomes the stage's person. One outside the
 * stage department's subtree (the picker offers every department the head leads) is refused
 * by keeping the stage with the head, recorded as such. Returns workerId for the work task.
 */
export async function recordLiaisonAllocation(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const stage = await db.liaisonStage.findUnique({ where: { id: String(variables.stageId) }, select: { id: true, status: true, assigneeId: true, departmentId: true, department: { select: { headId: true } } } });
  if (!stage) throw new Error(`liaison stage ${String(variables.stageId)} is gone`);
  if (stage.status !== "allocating") return { workerId: stage.assigneeId };
  const task = await doneTask(ctx, "liaison_allocate");
  const id = typeof variables.assigneeId === "string" ? variables.assigneeId : "";
  const username = typeof variables.assigneeUsername === "string" ? variables.assigneeUsername.trim().toLowerCase() : "";
  const who = id ? { id } : username ? { username } : null;
  const picked = who ? await db.employee.findFirst({ where: { ...who, active: true, departmentId: { in: await subtreeIds(db, stage.departmentId) } }, select: { id: true } }) : null;
  const workerId = picked?.id ?? task?.completedById ?? stage.department.headId;
  await db.$transaction(async (tx) => {
    const moved = await tx.liaisonStage.updateMany({ where: { id: stage.id, status: "allocating" }, data: { status: "working", assigneeId: workerId, allocatedById: task?.completedById ?? null, allocatedAt: task?.completedAt ?? new Date() } });
    if (moved.count) await writeAudit(tx, SYSTEM, { action: "liaison.allocate", entity: "LiaisonStage", entityId: stage.id, after: { assigneeId: workerId, picked: !!picked } });
  });
  return { workerId };
}

/**
 * Service task crm.liaisonStageDone: the result is recorded with the moment the person
 * submitted it (the task's completion, not this step's run: the clock stays exact when jobs
 * lag), then the form moves on from that same moment.
 */
export async function recordLiaisonResult(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const stageId = String(variables.stageId);
  const task = await doneTask(ctx, "liaison_result");
  const finishedAt = task?.completedAt ?? new Date();
  const stage = await db.$transaction(async (tx) => {
    const s = await tx.liaisonStage.findUnique({ where: { id: stageId }, select: { id: true, formId: true, status: true } });
    if (!s) throw new Error(`liaison stage ${stageId} is gone`);
    const moved = await tx.liaisonStage.updateMany({ where: { id: s.id, status: "working" }, data: { status: "done", actualFinishAt: finishedAt, result: typeof variables.result === "string" ? variables.result.slice(0, 2000) : "" } });
    if (moved.count) await writeAudit(tx, SYSTEM, { action: "liaison.stage_done", entity: "LiaisonStage", entityId: s.id, after: { at: finishedAt.toISOString(), by: task?.completedById ?? null } });
    return s;
  });
  await advanceLiaisonForm(db, stage.formId, finishedAt);
  return { stageDone: true };
}
