import "server-only";
import { DIAGRAM_LIMITS, maxFlowNodes } from "./limits";
import { checkElement } from "./lint-elements";
import { reachability } from "./lint-reachability";
import { flowElementsDeep, type El, type LintProblem } from "./lint-types";
import type { ModdleContext } from "./moddle";

export type { LintProblem } from "./lint-types";

/** Root elements the runtime understands or can ignore safely; anything else (global tasks, choreographies, ...) is refused. */
const ROOT_TYPES = new Set([
  "bpmn:Process",
  "bpmn:Collaboration",
  "bpmn:Message",
  "bpmn:Signal",
  "bpmn:Error",
  "bpmn:Escalation",
  "bpmn:Category",
  "bpmn:DataStore",
  "bpmn:ItemDefinition",
  "bpmn:Resource",
  "bpmn:Interface",
  "bpmn:EndPoint",
]);
const NOT_A_NODE = new Set(["bpmn:SequenceFlow", "bpmn:DataObject", "bpmn:DataObjectReference", "bpmn:DataStoreReference"]);

/** The executable process and every process it reaches through call activities (they run too). */
function runnableProcesses(p: LintProblem[], executable: El, processes: El[]): El[] {
  const byId = new Map(processes.map((proc) => [proc.id, proc]));
  const out = [executable];
  for (let i = 0; i < out.length; i++) {
    for (const call of flowElementsDeep(out[i]).filter((e) => e.$type === "bpmn:CallActivity")) {
      const target = call.calledElement ? byId.get(String(call.calledElement)) : undefined;
      if (!target) p.push({ code: "call_target_missing", elementId: call.id, params: { target: String(call.calledElement ?? "") } });
      else if (!out.includes(target)) out.push(target);
    }
  }
  return out;
}

/** Sub-processes deeper than DIAGRAM_LIMITS.nesting, reported on the first one too deep. */
function nesting(p: LintProblem[], el: El, depth: number) {
  for (const child of el.flowElements ?? []) {
    if (!child.flowElements) continue;
    if (depth + 1 > DIAGRAM_LIMITS.nesting) p.push({ code: "nesting_too_deep", elementId: child.id, params: { limit: String(DIAGRAM_LIMITS.nesting) } });
    else nesting(p, child, depth + 1);
  }
}

/** A signal caught but thrown nowhere in the diagram can never arrive (nothing else in the product sends signals). */
function signals(p: LintProblem[], all: El[]) {
  const refOf = (el: El) => (el.eventDefinitions ?? []).find((d) => d.$type === "bpmn:SignalEventDefinition")?.signalRef?.id;
  const isSignal = (el: El) => (el.eventDefinitions ?? []).some((d) => d.$type === "bpmn:SignalEventDefinition");
  const thrown = new Set(all.filter((el) => isSignal(el) && (el.$type === "bpmn:IntermediateThrowEvent" || el.$type === "bpmn:EndEvent")).map(refOf));
  for (const el of all.filter((e) => isSignal(e) && ["bpmn:IntermediateCatchEvent", "bpmn:BoundaryEvent", "bpmn:StartEvent"].includes(e.$type))) {
    if (!refOf(el)) p.push({ code: "signal_missing", elementId: el.id });
    else if (!thrown.has(refOf(el))) p.push({ code: "signal_never_thrown", elementId: el.id, severity: "warning" });
  }
}

/**
 * The runtime's publish rules: what would be ignored, unsafe, stuck or too big to run
 * is refused with the element it sits on; what only may go wrong is a warning.
 */
export function lintDefinition(ctx: ModdleContext): LintProblem[] {
  const p: LintProblem[] = ctx.warnings.map((w) => ({ code: "bpmn_parse", params: { message: w.message.slice(0, 200) } }));
  const roots = (ctx.rootElement.rootElements ?? []) as El[];
  for (const r of roots) if (!ROOT_TYPES.has(r.$type)) p.push({ code: /^bpmn:Global/.test(r.$type) ? "global_task" : "unsupported_element", elementId: r.id, params: { type: r.$type.replace(/^bpmn:/, "") } });
  const processes = roots.filter((r) => r.$type === "bpmn:Process");
  const executable = processes.filter((r) => r.isExecutable);
  if (executable.length === 0) return [...p, { code: "not_executable" }];
  if (executable.length > 1) p.push({ code: "multiple_processes" });
  const runnable = runnableProcesses(p, executable[0], processes);
  const all = runnable.flatMap(flowElementsDeep);

  const nodes = all.filter((e) => !NOT_A_NODE.has(e.$type)).length;
  const limit = maxFlowNodes();
  if (nodes > limit) return [...p, { code: "too_many_elements", params: { count: String(nodes), limit: String(limit) } }];
  if (nodes > limit / 2) p.push({ code: "many_elements", severity: "warning", params: { count: String(nodes), limit: String(limit) } });
  for (const proc of runnable) nesting(p, proc, 0);
  for (const el of all) checkElement(p, el, all);
  signals(p, all);
  return [...p, ...reachability(runnable)];
}
