import "server-only";
import { validateExpression } from "./expressions";
import { checkTimer, ISO_DURATION } from "./lint-timers";
import type { El, LintProblem } from "./lint-types";
import { serviceHandler } from "./registry";

const SERVICE_TYPES = ["bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"];
/** Elements the runtime cannot run as drawn: refused, each with its own reason. */
const UNSUPPORTED: Record<string, string> = {
  "bpmn:ComplexGateway": "complex_gateway",
  "bpmn:Transaction": "transaction_unsupported",
  "bpmn:AdHocSubProcess": "ad_hoc_unsupported",
  "bpmn:ManualTask": "manual_task",
};

function checkCondition(p: LintProblem[], id: string | undefined, c?: { body?: string; language?: string }) {
  if (!c) return;
  if (c.language) return p.push({ code: "script_condition", elementId: id });
  const problem = validateExpression(c.body ?? "");
  if (problem) p.push({ ...problem, elementId: id });
}

function checkUserTask(p: LintProblem[], el: El) {
  if (!el.assignee && !el.candidateGroups && !el.candidateSupplier) p.push({ code: "task_unassigned", elementId: el.id });
  const due = el.dueDate ? String(el.dueDate) : "";
  if (due && !due.startsWith("${") && !ISO_DURATION.test(due)) p.push({ code: "due_invalid", elementId: el.id, params: { value: due } });
  for (const attr of ["assignee", "candidateGroups", "candidateSupplier", "dueDate"] as const) {
    const v = el[attr];
    if (typeof v === "string" && v.includes("${")) checkCondition(p, el.id, { body: v });
  }
}

/** Multi-instance needs a count (the product has no collection attribute); a standard loop, its condition. */
function checkLoop(p: LintProblem[], el: El) {
  const loop = el.loopCharacteristics;
  if (!loop) return;
  const ok = loop.$type === "bpmn:MultiInstanceLoopCharacteristics" ? !!loop.loopCardinality?.body?.trim() : !!loop.loopCondition?.body?.trim();
  if (!ok) p.push({ code: "loop_unsupported", elementId: el.id });
  if (loop.loopCardinality?.body?.includes("${")) checkCondition(p, el.id, { body: loop.loopCardinality.body });
}

/** One element against the publish rules; `all` is every element of the processes that run. */
export function checkElement(p: LintProblem[], el: El, all: El[]) {
  if (el.$type === "bpmn:ScriptTask") p.push({ code: "script_task", elementId: el.id });
  if (UNSUPPORTED[el.$type]) p.push({ code: UNSUPPORTED[el.$type], elementId: el.id });
  // Who works on a task is ff:assignee / ff:candidateGroups; BPMN resource roles would be silently ignored.
  if (el.resources?.length) p.push({ code: "resource_assignment_unsupported", elementId: el.id });
  checkLoop(p, el);
  if (el.$type === "bpmn:SequenceFlow") checkCondition(p, el.id, el.conditionExpression);
  if (el.$type === "bpmn:UserTask") checkUserTask(p, el);
  if (el.$type === "bpmn:ReceiveTask" && !el.messageRef) p.push({ code: "message_missing", elementId: el.id });
  if (SERVICE_TYPES.includes(el.$type)) {
    const h = el.handler ? String(el.handler) : "";
    if (!h) p.push({ code: "handler_missing", elementId: el.id });
    else if (!serviceHandler(h)) p.push({ code: "unknown_handler", elementId: el.id, params: { handler: h } });
  }
  if (el.$type === "bpmn:ExclusiveGateway") {
    // Without a condition a flow is always taken: of several, the gateway would always take the first.
    const out = all.filter((f) => f.$type === "bpmn:SequenceFlow" && f.sourceRef?.id === el.id);
    if (out.length > 1 && out.some((f) => !f.conditionExpression && f.id !== el.default?.id)) p.push({ code: "gateway_unconditional", elementId: el.id, severity: "warning" });
  }
  if (el.$type === "bpmn:InclusiveGateway" && all.filter((f) => f.$type === "bpmn:SequenceFlow" && f.targetRef?.id === el.id).length > 1) {
    p.push({ code: "inclusive_join", elementId: el.id });
  }
  for (const def of el.eventDefinitions ?? []) {
    if (def.$type === "bpmn:TimerEventDefinition") checkTimer(p, el, def);
    if (def.$type === "bpmn:ConditionalEventDefinition") {
      if (!def.condition?.body?.trim()) p.push({ code: "condition_missing", elementId: el.id });
      else checkCondition(p, el.id, def.condition);
    }
    if (def.$type === "bpmn:MessageEventDefinition" && !def.messageRef) p.push({ code: "message_missing", elementId: el.id });
  }
}
