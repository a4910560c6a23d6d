import "server-only";
import type { Db } from "../db/client";
import { listForms } from "../workflow/registry";

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
  dueAt: string | null;
  error: string | null;
  /** variables.changed: each changed variable with its label and before/after as text ("" when absent). */
  changes: VariableChange[] | null;
};

type VariableChange = { name: string; labelZh: string; labelEn: string; before: string; after: string };

const shown = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v).slice(0, 300) : String(v).slice(0, 300));

/** A variables.changed event's data (keys, before/after values) as labelled rows. */
function describeChanges(data: unknown): VariableChange[] {
  const d = (data ?? {}) as { keys?: unknown; changes?: Record<string, { before?: unknown; after?: unknown }> };
  const keys = Array.isArray(d.keys) ? d.keys.filter((k): k is string => typeof k === "string") : [];
  const labels = new Map<string, { zh: string; en: string }>();
  for (const form of listForms()) for (const f of form.fields) if (!labels.has(f.name)) labels.set(f.name, { zh: f.labelZh, en: f.labelEn });
  return keys.map((name) => {
    const c = d.changes?.[name] ?? {};
    const l = labels.get(name);
    return { name, labelZh: l?.zh ?? name, labelEn: l?.en ?? name, before: shown(c.before), after: shown(c.after) };
  });
}

export type DiagramState = { current: string[]; completed: string[] };

type Ev = { id: string; at: Date; type: string; elementId: string | null; taskId: string | null; actorId: string | null; data: unknown };

/** Element names from the stored engine context (the moddle serializer keeps them). */
function elementNames(context: unknown): Map<string, string> {
  const acts = ((context ?? {}) as { activities?: { id: string; name?: string }[] }).activities ?? [];
  return new Map(acts.filter((a) => a.name).map((a) => [a.id, a.name!] as const));
}

/**
 * Which diagram elements are waiting now and which have been passed, from the
 * history's element events plus the open tasks (a loop back makes an element
 * current again).
 */
function diagramState(events: Pick<Ev, "type" | "elementId">[], openTaskElements: string[]): DiagramState {
  const balance = new Map<string, number>();
  const left = new Set<string>();
  for (const e of events) {
    if (!e.elementId) continue;
    if (e.type === "element.entered") balance.set(e.elementId, (balance.get(e.elementId) ?? 0) + 1);
    if (e.type === "element.left") {
      balance.set(e.elementId, (balance.get(e.elementId) ?? 0) - 1);
      left.add(e.elementId);
    }
  }
  const current = new Set(openTaskElements);
  for (const [id, n] of balance) if (n > 0) current.add(id);
  return { current: [...current], completed: [...left].filter((id) => !current.has(id)) };
}

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** The instance's history for people: element steps left out, actors and tasks by name. */
export async function instanceHistory(db: Db, instanceId: string, context: unknown): Promise<{ entries: HistoryEntry[]; diagram: DiagramState }> {
  const [events, tasks] = await Promise.all([
    db.instanceEvent.findMany({ where: { instanceId }, orderBy: { at: "asc" }, take: 2000 }),
    db.task.findMany({ where: { instanceId }, select: { id: true, name: true, elementId: true, status: true } }),
  ]);
  const diagram = diagramState(events, tasks.filter((t) => t.status === "open").map((t) => t.elementId));
  const shown = events.filter((e) => !e.type.startsWith("element."));

  const people = new Set<string>();
  for (const e of shown) {
    if (e.actorId) people.add(e.actorId);
    const d = (e.data ?? {}) as Record<string, unknown>;
    for (const k of ["from", "to"]) if (typeof d[k] === "string") people.add(d[k] as string);
  }
  const ids = [...people];
  const [employees, supplierUsers] = ids.length
    ? await Promise.all([
        db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
        db.supplierUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, supplier: { select: { name: true } } } }),
      ])
    : [[], []];
  const names = new Map<string, string>([...employees.map((e) => [e.id, e.name] as const), ...supplierUsers.map((u) => [u.id, `${u.name} · ${u.supplier.name}`] as const)]);
  const taskNames = new Map(tasks.map((t) => [t.id, t.name]));
  const elements = elementNames(context);
  const nameOf = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? null) : null);

  const entries = shown.map((e): HistoryEntry => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const submitted = (d.data ?? {}) as Record<string, unknown>;
    return {
      id: e.id,
      at: e.at,
      type: e.type,
      subject:
        e.type === "token.moved"
          ? `${(e.taskId && taskNames.get(e.taskId)) || elements.get(String(d.fromElementId)) || String(d.fromElementId ?? "")} → ${elements.get(String(d.toElementId)) || String(d.toName ?? d.toElementId ?? "")}`
          : (e.taskId && taskNames.get(e.taskId)) || (e.elementId && elements.get(e.elementId)) || null,
      actorName: nameOf(e.actorId),
      decision: e.type === "task.completed" ? str(submitted.decision) : null,
      comment: e.type === "task.completed" ? str(submitted.comment) : str(d.reason),
      fromName: nameOf(d.from),
      toName: nameOf(d.to),
      dueAt: str(d.dueAt),
      error: str(d.error)?.slice(0, 300) ?? null,
      changes: e.type === "variables.changed" ? describeChanges(d) : null,
    };
  });
  return { entries, diagram };
}
