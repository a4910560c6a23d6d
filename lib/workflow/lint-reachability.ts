import "server-only";
import type { El, LintProblem } from "./lint-types";

/** Data and artifacts sit beside the flow; a token never passes them. */
const NOT_FLOW = new Set(["bpmn:SequenceFlow", "bpmn:DataObject", "bpmn:DataObjectReference", "bpmn:DataStoreReference"]);

type Artifact = El & { sourceRef?: El; targetRef?: El };
type Proc = El & { artifacts?: Artifact[] };

const hasDefinition = (n: El, type: string) => (n.eventDefinitions ?? []).some((d) => d.$type === type);
const linkName = (n: El) => (n.eventDefinitions ?? []).find((d) => d.$type === "bpmn:LinkEventDefinition")?.name;

/**
 * Every element must be reachable from a start event (or be the start of an event
 * sub-process, or a link catch whose throw is reachable), and an end event reachable
 * from it. Compensation handlers are reached through their compensation boundary event.
 */
export function reachability(processes: Proc[]): LintProblem[] {
  const out: LintProblem[] = [];
  for (const proc of processes) {
    const nodes = (proc.flowElements ?? []).filter((e) => !NOT_FLOW.has(e.$type));
    const handlers = nodes.filter((n) => n.isForCompensation);
    const flowNodes = nodes.filter((n) => !n.isForCompensation);
    // moddle fills `outgoing` only when the XML lists it; the flows themselves always say.
    const next = new Map<string, El[]>();
    for (const f of proc.flowElements ?? []) {
      if (f.$type === "bpmn:SequenceFlow" && f.sourceRef?.id && f.targetRef) next.set(f.sourceRef.id, [...(next.get(f.sourceRef.id) ?? []), f.targetRef]);
    }
    const linkCatches = flowNodes.filter((n) => n.$type === "bpmn:IntermediateCatchEvent" && linkName(n));
    for (const thrower of flowNodes.filter((n) => n.$type === "bpmn:IntermediateThrowEvent" && linkName(n))) {
      next.set(thrower.id!, [...(next.get(thrower.id!) ?? []), ...linkCatches.filter((c) => linkName(c) === linkName(thrower))]);
    }
    const starts = flowNodes.filter((n) => n.$type === "bpmn:StartEvent");
    if (!starts.length) out.push({ code: "no_start", elementId: proc.id });
    const eventSubProcesses = flowNodes.filter((n) => n.$type === "bpmn:SubProcess" && n.triggeredByEvent);
    const boundaries = flowNodes.filter((n) => n.$type === "bpmn:BoundaryEvent");
    const seen = new Set<string>();
    const stack = [...starts, ...eventSubProcesses];
    while (stack.length) {
      const n = stack.pop()!;
      if (!n.id || seen.has(n.id)) continue;
      seen.add(n.id);
      stack.push(...(next.get(n.id) ?? []));
      for (const b of boundaries) if (b.attachedToRef?.id === n.id) stack.push(b);
    }
    for (const n of flowNodes) if (n.id && !seen.has(n.id)) out.push({ code: "unreachable", elementId: n.id });
    if (starts.length && !flowNodes.some((n) => n.$type === "bpmn:EndEvent" && seen.has(n.id!))) out.push({ code: "no_end", elementId: proc.id });

    // A compensation handler hangs, by an association, off a compensation boundary event of a reachable activity.
    const compensators = boundaries.filter((b) => seen.has(b.id!) && hasDefinition(b, "bpmn:CompensateEventDefinition"));
    for (const h of handlers) {
      const attached = (proc.artifacts ?? []).some((a) => a.$type === "bpmn:Association" && a.targetRef?.id === h.id && compensators.some((c) => c.id === a.sourceRef?.id));
      if (!attached) out.push({ code: "compensation_unattached", elementId: h.id });
    }
  }
  return out;
}
