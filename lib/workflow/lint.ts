import "server-only";
import { validateExpression } from "./expressions";
import { formDefinition } from "./registry";
import type { ModdleContext, ModdleElement } from "./moddle";
import { serviceHandler } from "./registry";

/** A problem found before publishing; `code` has a translation under workflow.lint.<code>. */
export type LintProblem = { code: string; elementId?: string; params?: Record<string, string> };

type El = ModdleElement & {
  flowElements?: El[];
  eventDefinitions?: El[];
  conditionExpression?: { body?: string; language?: string };
  condition?: { body?: string; language?: string };
  attachedToRef?: El;
  sourceRef?: El;
  targetRef?: El;
  isExecutable?: boolean;
};

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const SERVICE_TYPES = ["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"];
const UNSUPPORTED = ["bpmn:ScriptTask", "bpmn:ComplexGateway", "bpmn:Transaction", "bpmn:AdHocSubProcess"];

function flowElementsDeep(el: El): El[] {
  return (el.flowElements ?? []).flatMap((f) => [f, ...flowElementsDeep(f)]);
}

function checkCondition(p: LintProblem[], id: string | undefined, c?: { body?: string; language?: string }) {
  if (!c) return;
  if (c.language) return p.push({ code: "script_condition", elementId: id });
  const code = validateExpression(c.body ?? "");
  if (code) p.push({ code, elementId: id });
}

function checkTimer(p: LintProblem[], el: El, def: El) {
  const d = def as El & { timeDuration?: { body?: string }; timeDate?: { body?: string }; timeCycle?: { body?: string } };
  const body = (d.timeDuration ?? d.timeDate ?? d.timeCycle)?.body?.trim();
  if (!body) return p.push({ code: "timer_missing", elementId: el.id });
  if (body.startsWith("${")) return checkCondition(p, el.id, { body });
  const ok = d.timeDuration ? ISO_DURATION.test(body) : d.timeDate ? !Number.isNaN(Date.parse(body)) : /^R\d*\/P/.test(body);
  if (!ok) p.push({ code: "timer_invalid", elementId: el.id, params: { value: body } });
}

/** The runtime's publish rules: what would be ignored, unsafe or stuck is refused. */
export function lintDefinition(ctx: ModdleContext): LintProblem[] {
  const p: LintProblem[] = ctx.warnings.map((w) => ({ code: "bpmn_parse", params: { message: w.message.slice(0, 200) } }));
  const processes = (ctx.rootElement.rootElements ?? []).filter((r) => r.$type === "bpmn:Process") as El[];
  const executable = processes.filter((r) => r.isExecutable);
  if (executable.length === 0) return [...p, { code: "not_executable" }];
  if (executable.length > 1) p.push({ code: "multiple_processes" });
  const all = executable.flatMap(flowElementsDeep);

  for (const el of all) {
    if (UNSUPPORTED.includes(el.$type)) p.push({ code: el.$type === "bpmn:ScriptTask" ? "script_task" : "unsupported_element", elementId: el.id, params: { type: el.$type } });
    if (el.$type === "bpmn:SequenceFlow") checkCondition(p, el.id, el.conditionExpression);
    if (el.$type === "bpmn:UserTask") {
      if (!el.assignee && !el.candidateGroups && !el.candidateSupplier) p.push({ code: "task_unassigned", elementId: el.id });
      if (el.formKey && !formDefinition(String(el.formKey))) p.push({ code: "unknown_form", elementId: el.id, params: { form: String(el.formKey) } });
      const due = el.dueDate ? String(el.dueDate) : "";
      if (due && !due.startsWith("${") && !ISO_DURATION.test(due)) p.push({ code: "due_invalid", elementId: el.id, params: { value: due } });
      for (const attr of ["assignee", "candidateSupplier", "dueDate"] as const) {
        const v = el[attr];
        if (typeof v === "string" && v.includes("${")) checkCondition(p, el.id, { body: v });
      }
    }
    if (el.$type === "bpmn:StartEvent" && el.formKey && !formDefinition(String(el.formKey))) p.push({ code: "unknown_form", elementId: el.id, params: { form: String(el.formKey) } });
    if (SERVICE_TYPES.includes(el.$type)) {
      const h = el.handler ? String(el.handler) : "";
      if (!h) p.push({ code: "handler_missing", elementId: el.id });
      else if (!serviceHandler(h)) p.push({ code: "unknown_handler", elementId: el.id, params: { handler: h } });
    }
    if (el.$type === "bpmn:InclusiveGateway" && all.filter((f) => f.$type === "bpmn:SequenceFlow" && f.targetRef?.id === el.id).length > 1) {
      p.push({ code: "inclusive_join", elementId: el.id });
    }
    for (const def of el.eventDefinitions ?? []) {
      if (def.$type === "bpmn:TimerEventDefinition") checkTimer(p, el, def);
      if (def.$type === "bpmn:ConditionalEventDefinition") checkCondition(p, el.id, def.condition);
      if (def.$type === "bpmn:MessageEventDefinition" && !(def as El & { messageRef?: unknown }).messageRef) p.push({ code: "message_missing", elementId: el.id });
    }
  }
  return [...p, ...reachability(executable)];
}

/** Every element must be reachable from a start event, and an end event reachable from it. */
function reachability(processes: El[]): LintProblem[] {
  const out: LintProblem[] = [];
  for (const proc of processes) {
    const nodes = (proc.flowElements ?? []).filter((e) => e.$type !== "bpmn:SequenceFlow");
    // moddle fills `outgoing` only when the XML lists it; the flows themselves always say.
    const next = new Map<string, El[]>();
    for (const f of proc.flowElements ?? []) {
      if (f.$type === "bpmn:SequenceFlow" && f.sourceRef?.id && f.targetRef) next.set(f.sourceRef.id, [...(next.get(f.sourceRef.id) ?? []), f.targetRef]);
    }
    const starts = nodes.filter((n) => n.$type === "bpmn:StartEvent");
    if (!starts.length) out.push({ code: "no_start", elementId: proc.id });
    const boundaries = nodes.filter((n) => n.$type === "bpmn:BoundaryEvent");
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length) {
      const n = stack.pop()!;
      if (!n.id || seen.has(n.id)) continue;
      seen.add(n.id);
      stack.push(...(next.get(n.id) ?? []));
      for (const b of boundaries) if (b.attachedToRef?.id === n.id) stack.push(b);
    }
    for (const n of nodes) if (n.id && !seen.has(n.id)) out.push({ code: "unreachable", elementId: n.id });
    if (starts.length && !nodes.some((n) => n.$type === "bpmn:EndEvent" && seen.has(n.id!))) out.push({ code: "no_end", elementId: proc.id });
  }
  return out;
}
