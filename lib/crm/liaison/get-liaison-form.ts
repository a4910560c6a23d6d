import "server-only";
import type { Actor } from "../../auth/actor";
import { hasPermission, requirePermission } from "../../auth/permissions";
import { loadCalendar } from "../../calendar/load-calendar";
import { dueStatus } from "../../calendar/working-days";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { subtreeIds } from "../../org/department-scope";
import { now } from "../../workflow/clock";
import { visibleCustomersWhere } from "../customer-scope";
import { UUID } from "../requirements/requirement-scope";

/**
 * One liaison form with its stages in order. Seen by whoever sees its customer, by the
 * report's readers, and by the heads and people of its stages (they work on it); the head
 * of a stage waiting for allocation gets the people they may pick.
 */
export async function getLiaisonForm(db: Db, who: Actor | null, id: string, locale = "zh-CN") {
  const actor = requirePermission(who, "crm.view");
  const form = UUID.test(id)
    ? await db.liaisonForm.findUnique({
        where: { id },
        include: {
          requirement: { select: { id: true, code: true, title: true } },
          stages: { orderBy: [{ seq: "asc" }, { createdAt: "asc" }], include: { department: { select: { id: true, nameZh: true, nameEn: true, headId: true } } } },
        },
      })
    : null;
  if (!form) throw new AppError("not_found");
  const works = form.stages.some((s) => s.department.headId === actor.id || s.assigneeId === actor.id);
  const seesCustomer = !!(await db.customer.findFirst({ where: { AND: [{ id: form.customerId }, await visibleCustomersWhere(db, actor)] }, select: { id: true } }));
  if (!works && !seesCustomer && !hasPermission(actor, "liaison.report")) throw new AppError("not_found");
  const [customer, opportunity, people, calendar] = await Promise.all([
    db.customer.findUnique({ where: { id: form.customerId }, select: { id: true, code: true, name: true } }),
    db.opportunity.findUnique({ where: { id: form.opportunityId }, select: { id: true, code: true, name: true } }),
    db.employee.findMany({ where: { id: { in: form.stages.flatMap((s) => [s.assigneeId, s.department.headId]).filter((x): x is string => !!x) } }, select: { id: true, name: true } }),
    loadCalendar(db),
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  const at = now();
  const openTasks = await db.task.findMany({ where: { instanceId: { in: form.stages.map((s) => s.instanceId).filter((x): x is string => !!x) }, status: "open" }, select: { id: true, instanceId: true, assigneeId: true, formKey: true } });
  const stages = await Promise.all(
    form.stages.map(async (s) => {
      const task = openTasks.find((t) => t.instanceId === s.instanceId);
      const mayAllocate = s.status === "allocating" && s.department.headId === actor.id && !!task;
      const candidates = mayAllocate ? await db.employee.findMany({ where: { active: true, departmentId: { in: await subtreeIds(db, s.department.id) } }, select: { id: true, name: true }, orderBy: { username: "asc" } }) : [];
      return {
        id: s.id,
        seq: s.seq,
        task: s.task,
        status: s.status,
        department: locale === "en" ? s.department.nameEn : s.department.nameZh,
        headName: s.department.headId ? (name.get(s.department.headId) ?? null) : null,
        assigneeName: s.assigneeId ? (name.get(s.assigneeId) ?? null) : null,
        deadlineDays: s.deadlineDays,
        deadlineDate: s.deadlineDate?.toISOString().slice(0, 10) ?? null,
        startedAt: s.startedAt,
        plannedFinishAt: s.plannedFinishAt,
        actualFinishAt: s.actualFinishAt,
        result: s.result,
        due: s.plannedFinishAt ? dueStatus(s.plannedFinishAt, s.actualFinishAt, at, calendar) : null,
        candidates,
        myTaskId: task && task.assigneeId === actor.id ? task.id : null,
      };
    }),
  );
  return { id: form.id, code: form.code, title: form.title, status: form.status, currentSeq: form.currentSeq, createdAt: form.createdAt, finishedAt: form.finishedAt, requirement: form.requirement, customer, opportunity, stages };
}
