import "server-only";
import type { Actor } from "../auth/actor";
import { hasPermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { now } from "../workflow/clock";
import { type FormDefinition } from "../workflow/forms";
import { formOfDefinition } from "../workflow/form-store";
import { canSee, canWorkOn } from "../workflow/task-access";
import { clientFormWithUnits } from "./client-form";
import { describeVariables } from "./describe-variables";
import { instanceHistory } from "./instance-history";
import { listInstanceFiles } from "./list-instance-files";
import { listInstanceComments } from "./list-task-comments";
import { dueStateOf } from "./due-state";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TaskDetail = Awaited<ReturnType<typeof getTaskDetail>>;

/**
 * Everything the task page shows, authorised with canSee against the task row
 * the page asked for: anyone else gets not_found. Portal users get the task,
 * its record, form and attachments, never staff names, history or comments.
 */
export async function getTaskDetail(db: Db, actor: Actor, taskId: string) {
  if (!UUID.test(taskId)) throw new AppError("not_found");
  const task = await db.task.findUnique({
    where: { id: taskId },
    include: { instance: { include: { definition: { select: { id: true, key: true, name: true, version: true, xml: true, context: true } } } } },
  });
  if (!task || !canSee(actor, task)) throw new AppError("not_found");
  const { instance } = task;
  const staff = actor.realm === "employee";

  const open = task.status === "open" && instance.status === "running";
  const inMyGroups = staff && task.candidateGroups.some((g) => actor.groups.includes(g));
  const supplierOnly = !!task.candidateSupplierId && !task.assigneeId && task.candidateGroups.length === 0;
  const mine = staff && (task.assigneeId === actor.id || (!task.assigneeId && inMyGroups));
  const can = {
    complete: open && canWorkOn(actor, task),
    claim: open && staff && !task.assigneeId && inMyGroups,
    unclaim: open && staff && task.assigneeId === actor.id && task.candidateGroups.length > 0,
    delegate: open && mine && !supplierOnly,
    reassign: open && staff && !supplierOnly && hasPermission(actor, "task.reassign"),
    setDue: open && staff && hasPermission(actor, "task.reassign"),
    comment: staff,
  };

  const variables = (instance.variables ?? {}) as Record<string, unknown>;
  const peopleIds = staff ? [task.assigneeId, task.substituteFor, instance.startedBy].filter((x): x is string => !!x) : [];
  const [people, groups, supplier, context, files, history, comments] = await Promise.all([
    db.employee.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } }),
    staff ? db.group.findMany({ where: { key: { in: task.candidateGroups } }, select: { key: true, nameZh: true, nameEn: true } }) : [],
    instance.supplierId ? db.supplier.findUnique({ where: { id: instance.supplierId }, select: { id: true, name: true } }) : null,
    describeVariables(db, variables, { definition: instance.definition, realm: staff ? "employee" : "supplier" }),
    // Seeing a task does not always mean seeing its instance's files (a supplier task on an instance of no supplier).
    listInstanceFiles(db, actor, instance.id).catch((e) => {
      if (isAppError(e) && e.code === "not_found") return null;
      throw e;
    }),
    staff ? instanceHistory(db, instance.id, instance.definition) : null,
    staff ? listInstanceComments(db, instance.id) : [],
  ]);
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);

  const def = await formOfDefinition(db, instance.definition.id, task.formKey);
  const form: FormDefinition | null = def ? await clientFormWithUnits(db, def, variables) : null;
  return {
    task: {
      id: task.id,
      name: task.name,
      elementId: task.elementId,
      status: task.status,
      outcome: task.outcome,
      priority: task.priority,
      createdAt: task.createdAt,
      completedAt: task.completedAt,
      dueAt: task.dueAt,
      dueState: task.status === "open" ? dueStateOf(task.dueAt, now()) : ("none" as const),
      assigneeName: nameOf(task.assigneeId),
      substituteForName: nameOf(task.substituteFor),
      groups,
      forSupplier: !!task.candidateSupplierId,
    },
    instance: {
      id: instance.id,
      businessKey: instance.businessKey,
      status: instance.status,
      startedAt: instance.startedAt,
      startedByName: nameOf(instance.startedBy),
      supplierName: supplier?.name ?? null,
      process: { key: instance.definition.key, name: instance.definition.name, version: instance.definition.version },
    },
    form,
    context,
    can,
    files,
    history: history?.entries ?? [],
    diagram: staff ? { xml: instance.definition.xml, ...history!.diagram } : null,
    comments,
  };
}
