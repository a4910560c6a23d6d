import "server-only";
import type { Db } from "../db/client";
import { diagramState, type DiagramState } from "../workflow/diagram-state";
import { display, shownVariables, wantAll } from "./describe-variables";
import { formatValue, Lookups, type DisplayValue } from "./format-value";

export type HistoryEntry = {
  id: string;
  at: Date;
  type: string;
  /** The task or BPMN element the event concerns, by name. */
  subject: string | null;
  actorName: string | null;
  decision: string | null;
  comment: string | null;
  fromName: string | null;
  toName: string | null;
  /** task.created: who the task went to (a person, groups by name, or the supplier). */
  assignedTo: { zh: string; en: string } | null;
  dueAt: string | null;
  /** Incidents and failed jobs: what happened (processes.incident.<code>), the technical detail apart. */
  incidentCode: string | null;
  error: string | null;
  /** variables.changed: each changed business value, labelled and formatted ("" when absent). */
  changes: VariableChange[] | null;
};

type VariableChange = { name: string; labelZh: string; labelEn: string; before: Text; after: Text };
type Text = { zh: string; en: string };

const EMPTY: Text = { zh: "", en: "" };
const UPDATED: Text = { zh: "（已更新）", en: "(updated)" };

/** A changed value as history keeps it (previews of long values) in words; lines shown as their count. */
function textOf(value: DisplayValue | null, raw: unknown): Text {
  if (raw === null || raw === undefined || raw === "") return EMPTY;
  if (!value) return UPDATED;
  if (value.kind === "lines") return { zh: `${value.rows.length} 行`, en: `${value.rows.length} lines` };
  if (value.kind === "changes") {
    // The changed fields in words: "联系人：钱峰 → 钱峰二；付款条件：…".
    const side = (v: string, empty: string) => v || empty;
    return {
      zh: value.rows.map((r) => `${r.labelZh}：${side(r.from, "（空）")} → ${side(r.to, "（空）")}`).join("；"),
      en: value.rows.map((r) => `${r.labelEn}: ${side(r.from, "(empty)")} → ${side(r.to, "(empty)")}`).join("; "),
    };
  }
  return { zh: value.zh, en: value.en };
}

type Ev = { id: string; at: Date; type: string; elementId: string | null; taskId: string | null; actorId: string | null; data: unknown };

/** Element names from the stored engine context (the moddle serializer keeps them). */
function elementNames(context: unknown): Map<string, string> {
  const acts = ((context ?? {}) as { activities?: { id: string; name?: string }[] }).activities ?? [];
  return new Map(acts.filter((a) => a.name).map((a) => [a.id, a.name!] as const));
}

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
/** Events people read: the engine's element steps are the diagram's, not the log's. */
const IN_LOG = (e: Ev) => !e.type.startsWith("element.") && e.type !== "process.business_key";

/**
 * The instance's history as a business log, for employees: who did what and when, the
 * decision and reason in words, tasks by name and who they went to (people and groups by
 * name), business values that changed (labelled and formatted as the process declares
 * them; the runtime's own variables never), incidents by their translated reason.
 */
export async function instanceHistory(db: Db, instanceId: string, definition: { id: string; context: unknown }): Promise<{ entries: HistoryEntry[]; diagram: DiagramState }> {
  const [events, tasks, jobs, instance] = await Promise.all([
    db.instanceEvent.findMany({ where: { instanceId }, orderBy: { at: "asc" }, take: 2000 }),
    db.task.findMany({ where: { instanceId }, select: { id: true, name: true, elementId: true, status: true } }),
    db.job.findMany({ where: { instanceId, kind: "service", status: { in: ["pending", "running", "failed"] } }, select: { status: true, payload: true } }),
    db.processInstance.findUnique({ where: { id: instanceId }, select: { variables: true } }),
  ]);
  // History keeps a preview of a long value (a change request's diff); a diff, set once at the start, is read whole from the instance.
  const current = (instance?.variables ?? {}) as Record<string, unknown>;
  const whole = (name: string, v: unknown) => (shown.get(name)?.type === "changes" && typeof v === "string" && Array.isArray(current[name]) ? current[name] : v);
  const elementOf = (j: { payload: unknown }) => String((j.payload as { elementId?: string }).elementId ?? "");
  const diagram = diagramState(
    events,
    [...tasks.filter((t) => t.status === "open").map((t) => t.elementId), ...jobs.filter((j) => j.status !== "failed").map(elementOf)],
    jobs.filter((j) => j.status === "failed").map(elementOf),
  );
  const logged = events.filter(IN_LOG);
  const shown = new Map((await shownVariables(db, definition, "employee")).map((v) => [v.name, v]));

  const people = new Set<string>();
  const lookups = new Lookups();
  for (const e of logged) {
    if (e.actorId) people.add(e.actorId);
    const d = (e.data ?? {}) as Record<string, unknown>;
    for (const k of ["from", "to", "assigneeId"]) if (typeof d[k] === "string") people.add(d[k] as string);
    if (e.type === "task.created") lookups.want("group", d.candidateGroups);
    if (e.type === "task.created" && typeof d.candidateSupplierId === "string") lookups.want("supplier", d.candidateSupplierId);
    if (e.type === "variables.changed") {
      const changes = (d.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>;
      for (const [name, c] of Object.entries(changes)) {
        const v = shown.get(name);
        if (!v) continue;
        wantAll(lookups, [v], { [name]: whole(name, c.after) }, current);
        wantAll(lookups, [v], { [name]: c.before }, current);
      }
    }
  }
  const ids = [...people];
  const [employees, supplierUsers] = ids.length
    ? await Promise.all([
        db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
        db.supplierUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, supplier: { select: { name: true } } } }),
        lookups.load(db),
      ])
    : [[], [], await lookups.load(db)];
  const names = new Map<string, string>([...employees.map((e) => [e.id, e.name] as const), ...supplierUsers.map((u) => [u.id, `${u.name} · ${u.supplier.name}`] as const)]);
  const taskNames = new Map(tasks.map((t) => [t.id, t.name]));
  const elements = elementNames(definition.context);
  const nameOf = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? null) : null);
  const elementName = (id: unknown) => (typeof id === "string" ? (elements.get(id) ?? null) : null);

  const changesOf = (d: Record<string, unknown>): VariableChange[] => {
    const changes = (d.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>;
    // In the order the process shows its data, not the order the engine stored them.
    return [...shown.keys()].filter((name) => name in changes).flatMap((name) => {
      const v = shown.get(name)!;
      const c = changes[name];
      const after = whole(name, c.after);
      // A form's lines answer is read against the instance's rows (order lines).
      return [{ name, labelZh: v.labelZh, labelEn: v.labelEn, before: textOf(display(v, c.before, lookups, current), c.before), after: textOf(display(v, after, lookups, current), after) }];
    });
  };
  const assignedTo = (d: Record<string, unknown>): Text | null => {
    const person = nameOf(d.assigneeId);
    if (person) return { zh: person, en: person };
    const groups = formatValue("group", d.candidateGroups, lookups);
    if (groups?.kind === "text") return { zh: groups.zh, en: groups.en };
    const supplier = typeof d.candidateSupplierId === "string" ? lookups.supplier(d.candidateSupplierId) : undefined;
    return supplier ? { zh: supplier, en: supplier } : null;
  };

  const entries = logged.flatMap((e): HistoryEntry[] => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const submitted = (d.data ?? {}) as Record<string, unknown>;
    const changes = e.type === "variables.changed" ? changesOf(d) : null;
    // A change of nothing people read (the runtime's own variables) is no event for them.
    if (changes && changes.length === 0) return [];
    const failed = e.type === "instance.incident" || e.type === "job.failed" || e.type === "job.retry";
    return [
      {
        id: e.id,
        at: e.at,
        type: e.type,
        subject:
          e.type === "token.moved"
            ? `${(e.taskId && taskNames.get(e.taskId)) || elementName(d.fromElementId) || ""} → ${elementName(d.toElementId) || str(d.toName) || ""}`
            : (e.taskId && taskNames.get(e.taskId)) || elementName(e.elementId),
        actorName: nameOf(e.actorId),
        decision: e.type === "task.completed" ? str(submitted.decision) : null,
        comment: e.type === "task.completed" ? str(submitted.comment) : str(d.reason),
        fromName: nameOf(d.from),
        toName: nameOf(d.to),
        assignedTo: e.type === "task.created" ? assignedTo(d) : null,
        dueAt: str(d.dueAt),
        incidentCode: failed ? (str(d.code) ?? (e.type === "instance.incident" ? "engine_error" : "job_failed")) : null,
        error: failed ? (str(d.error)?.slice(0, 500) ?? null) : null,
        changes,
      },
    ];
  });
  return { entries, diagram };
}
