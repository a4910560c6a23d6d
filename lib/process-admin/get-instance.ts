import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { cachedContext, loadContext } from "../workflow/engine-context";
import { userTasksOf } from "../workflow/move-token";

/**
 * Everything an operator sees of one instance: its diagram with the steps
 * done, waiting and failed, the history with who did what, the variables,
 * open tasks and failed jobs.
 */
export async function getInstanceDetail(db: Db, actor: EmployeeActor, id: string) {
  requirePermission(actor, "process.operate");
  const inst = await db.processInstance.findUnique({
    where: { id },
    include: {
      definition: { select: { key: true, version: true, name: true, xml: true } },
      tasks: { orderBy: { createdAt: "asc" }, select: { id: true, elementId: true, name: true, status: true, assigneeId: true, candidateGroups: true, candidateSupplierId: true, dueAt: true, createdAt: true, completedAt: true, outcome: true } },
      history: { orderBy: { at: "asc" }, take: 500 },
    },
  });
  if (!inst) return null;
  const jobs = await db.job.findMany({ where: { instanceId: id, status: { in: ["pending", "running", "failed"] } }, orderBy: { runAt: "asc" }, select: { id: true, kind: true, status: true, runAt: true, attempts: true, maxAttempts: true, lastError: true, payload: true } });
  const people = [...new Set([inst.startedBy, ...inst.history.map((h) => h.actorId), ...inst.tasks.map((t) => t.assigneeId)].filter((x): x is string => !!x))];
  const names = await db.employee.findMany({ where: { id: { in: people } }, select: { id: true, name: true } });
  const nameOf = Object.fromEntries(names.map((n) => [n.id, n.name]));

  const entered = new Set(inst.history.filter((h) => h.type === "element.entered" && h.elementId).map((h) => h.elementId!));
  const left = new Set(inst.history.filter((h) => h.type === "element.left" && h.elementId).map((h) => h.elementId!));
  const waiting = new Set([...inst.tasks.filter((t) => t.status === "open").map((t) => t.elementId), ...jobs.filter((j) => j.kind === "service").map((j) => String((j.payload as { elementId?: string }).elementId ?? ""))]);
  const failed = jobs.filter((j) => j.status === "failed").map((j) => String((j.payload as { elementId?: string }).elementId ?? ""));
  const running = inst.status === "running" || inst.status === "incident";
  // Where an operator may move a waiting task: other user tasks of its scope that have no open task.
  const context = inst.status !== "running" ? null : (cachedContext(inst.definitionId) ?? loadContext(inst.definitionId, (await db.processDefinition.findUniqueOrThrow({ where: { id: inst.definitionId }, select: { context: true } })).context));
  const userTasks = context ? userTasksOf(context) : [];
  const openElements = new Set(inst.tasks.filter((t) => t.status === "open").map((t) => t.elementId));
  const moveTargets = (elementId: string) => {
    const scope = userTasks.find((u) => u.id === elementId)?.scope;
    return userTasks.filter((u) => u.scope === scope && u.id !== elementId && !openElements.has(u.id)).map(({ id, name }) => ({ id, name }));
  };
  return {
    id: inst.id,
    version: inst.version,
    businessKey: inst.businessKey,
    status: inst.status,
    startedAt: inst.startedAt,
    endedAt: inst.endedAt,
    starterName: inst.startedBy ? (nameOf[inst.startedBy] ?? null) : null,
    incident: inst.incident,
    incidentCode: inst.incidentCode,
    variables: inst.variables as Record<string, unknown>,
    definition: inst.definition,
    tasks: inst.tasks.map((t) => ({ ...t, assigneeName: t.assigneeId ? (nameOf[t.assigneeId] ?? null) : null, moveTargets: t.status === "open" ? moveTargets(t.elementId) : [] })),
    jobs: jobs.map(({ payload, ...j }) => ({ ...j, elementId: String((payload as { elementId?: string }).elementId ?? "") })),
    history: inst.history.map((h) => ({ id: h.id, at: h.at, type: h.type, elementId: h.elementId, actorName: h.actorId ? (nameOf[h.actorId] ?? null) : null, data: h.data })),
    markers: {
      done: [...entered].filter((e) => left.has(e) && !waiting.has(e)),
      current: running ? [...waiting].filter((e) => !failed.includes(e)) : [],
      incident: failed.filter(Boolean),
    },
  };
}
