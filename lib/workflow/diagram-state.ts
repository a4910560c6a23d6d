/** Where an instance stands on its diagram: what it waits at, what it passed, where it failed. */
export type DiagramState = { current: string[]; completed: string[]; incident: string[] };

/**
 * The one reading of an instance's history onto its diagram, for the task page and
 * the instance page alike. An element is passed only when the instance entered it and
 * left it (an element on the branch not taken was never entered, whatever older history
 * rows say of it); it is current while entered more often than left (a loop back makes
 * it current again) or while a task or job waits there.
 */
export function diagramState(events: { type: string; elementId: string | null }[], waiting: string[], failed: string[] = []): DiagramState {
  const balance = new Map<string, number>();
  const entered = new Set<string>();
  const left = new Set<string>();
  for (const e of events) {
    if (!e.elementId) continue;
    if (e.type === "element.entered") {
      entered.add(e.elementId);
      balance.set(e.elementId, (balance.get(e.elementId) ?? 0) + 1);
    }
    if (e.type === "element.left") {
      left.add(e.elementId);
      balance.set(e.elementId, (balance.get(e.elementId) ?? 0) - 1);
    }
  }
  const incident = new Set(failed.filter(Boolean));
  const current = new Set(waiting.filter((id) => id && !incident.has(id)));
  for (const [id, n] of balance) if (n > 0 && !incident.has(id)) current.add(id);
  return { current: [...current], completed: [...entered].filter((id) => left.has(id) && !current.has(id) && !incident.has(id)), incident: [...incident] };
}
