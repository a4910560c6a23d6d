import "server-only";
import { diagramState } from "../workflow/diagram-state";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { cachedContext, loadContext } from "../workflow/engine-context";
import { userTasksOf } from "../workflow/move-token";
import { describeVariables } from "../inbox/describe-variables";

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
      definition: { select: { id: true, key: true, version: true, name: true, xml: true, context: true } },
      tasks: { orderBy: { createdAt: "asc" }, select: { id: true, elementId: true, name: true, status: true, assigneeId: true, candidateGroups: true, candidateSupplierId: true, dueAt: true, createdAt: true, completedAt: true, outcome: true } },
      history: { orderBy: { at: "asc" }, take: 500 },
    },
  });
  if (!inst) return null;
  const jobs = await db.job.findMany({ where: { instanceId: id, status: { in: ["pending", "running", "failed"] } }, orderBy: { runAt: "asc" }, select: { id: true, kind: true, status: true, runAt: true, attempts: true, maxAttempts: true, lastError: true, payload: true } });
  // Elements by name (an unnamed one by its id), for the jobs, the history and moves.
  const elementNames = new Map((((inst.definition.context ?? {}) as { activities?: { id: string; name?: string }[] }).activities ?? []).map((a) => [a.id, a.name || a.id] as const));
  const elementName = (id: string | null) => (id ? (elementNames.get(id) ?? id) : null);
  const people = [...new Set([inst.startedBy, ...inst.history.map((h) => h.actorId), ...inst.tasks.map((t) => t.assigneeId)].filter((x): x is string => !!x))];
  const names = await db.employee.findMany({ where: { id: { in: people } }, select: { id: true, name: true } });
  const nameOf = Object.fromEntries(names.map((n) => [n.id, n.name]));
  // Whom an unclaimed task waits for, by name: its groups, or its supplier.
  const [groups, suppliers] = await Promise.all([
    db.group.findMany({ where: { key: { in: [...new Set(inst.tasks.flatMap((t) => t.candidateGroups))] } }, select: { key: true, nameZh: true, nameEn: true } }),
    db.supplier.findMany({ where: { id: { in: inst.tasks.flatMap((t) => (t.candidateSupplierId ? [t.candidateSupplierId] : [])) } }, select: { id: true, name: true } }),
  ]);
  const offeredTo = (t: { candidateGroups: string[]; candidateSupplierId: string | null }) => [
    ...t.candidateGroups.map((k) => groups.find((g) => g.key === k) ?? { key: k, nameZh: k, nameEn: k }).map((g) => ({ zh: g.nameZh, en: g.nameEn })),
    ...(t.candidateSupplierId ? [suppliers.find((s) => s.id === t.candidateSupplierId)?.name ?? "—"].map((n) => ({ zh: n, en: n })) : []),
  ];

  const jobElement = (j: { payload: unknown }) => String((j.payload as { elementId?: string }).elementId ?? "");
  const failed = jobs.filter((j) => j.status === "failed").map(jobElement);
  const waiting = [...inst.tasks.filter((t) => t.status === "open").map((t) => t.elementId), ...jobs.filter((j) => j.kind === "service" && j.status !== "failed" && j.status !== "done").map(jobElement)];
  const state = diagramState(inst.history, inst.status === "running" || inst.status === "incident" ? waiting : [], failed);
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
    definition: { key: inst.definition.key, version: inst.definition.version, name: inst.definition.name, xml: inst.definition.xml },
    tasks: inst.tasks.map((t) => ({ ...t, assigneeName: t.assigneeId ? (nameOf[t.assigneeId] ?? null) : null, offeredTo: offeredTo(t), moveTargets: t.status === "open" ? moveTargets(t.elementId) : [] })),
    jobs: jobs.map(({ payload, ...j }) => ({ ...j, elementId: jobElement({ payload }), elementName: elementName(jobElement({ payload })) })),
    history: inst.history.map((h) => ({ id: h.id, at: h.at, type: h.type, elementId: h.elementId, elementName: elementName(h.elementId), actorName: h.actorId ? (nameOf[h.actorId] ?? null) : null, data: h.data })),
    /** The business record as task pages show it. */
    record: await describeVariables(db, inst.variables as Record<string, unknown>, { definition: inst.definition, realm: "employee" }),
    markers: { done: state.completed, current: running ? state.current : [], incident: state.incident },
  };
}
