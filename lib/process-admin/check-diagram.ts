import "server-only";
import { parseBpmn } from "../workflow/moddle";
import { lintDiagram } from "./lint-diagram";
import type { DiagramProblem } from "./problems";

type Obj = { $type?: string; id?: string; $attrs?: Record<string, unknown>; [k: string]: unknown };

const SKIP = new Set(["$parent", "$model", "$descriptor", "di"]);
/** Other tools' settings of who works on a task, and of what a service task runs: named, because losing them changes what happens. */
const ASSIGNMENT = /^(camunda:(assignee|candidateGroups|candidateUsers)|zeebe:AssignmentDefinition)$/i;
const IMPLEMENTATION = /^(camunda:(class|delegateExpression|expression|type|topic)|zeebe:TaskDefinition)$/i;
const codeFor = (name: string) => (ASSIGNMENT.test(name) ? "foreign_assignment" : IMPLEMENTATION.test(name) ? "foreign_implementation" : "foreign_extension");
const OWN_PREFIXES = new Set(["xmlns", "xsi", "ff", "bpmn", "bpmndi", "dc", "di"]);

/**
 * Attributes and extension elements of other tools (camunda:assignee,
 * zeebe:taskDefinition, ...): the runtime ignores them, so a file relying on
 * them would silently lose its assignments. Reported on the element carrying them.
 */
function foreignExtensions(root: Obj): DiagramProblem[] {
  const out: DiagramProblem[] = [];
  const seen = new Set<object>();
  let owner: string | undefined;
  const walk = (o: Obj) => {
    if (seen.has(o)) return;
    seen.add(o);
    const prevOwner = owner;
    if (o.id && o.$type?.startsWith("bpmn:")) owner = o.id;
    for (const name of Object.keys(o.$attrs ?? {})) {
      const prefix = name.includes(":") ? name.split(":")[0] : "";
      if (prefix && !OWN_PREFIXES.has(prefix)) out.push({ source: "product", code: codeFor(name), severity: "warning", elementId: owner, params: { name } });
    }
    if (o.$type && o.$type.includes(":") && !OWN_PREFIXES.has(o.$type.split(":")[0])) {
      out.push({ source: "product", code: codeFor(o.$type), severity: "warning", elementId: owner, params: { name: o.$type } });
    }
    for (const [k, v] of Object.entries(o)) {
      if (SKIP.has(k) || k === "$attrs" || !v || typeof v !== "object") continue;
      for (const child of Array.isArray(v) ? v : [v]) if (child && typeof child === "object" && "$type" in child) walk(child as Obj);
    }
    owner = prevOwner;
  };
  walk(root);
  return out;
}

/**
 * The editor's check of a diagram: publish rules, bpmnlint, and what other
 * tools' extensions the runtime would ignore. Used while editing and on import;
 * a malformed file is a list of problems, never an exception.
 */
export async function checkDiagram(xml: string, knownForms?: ReadonlySet<string>): Promise<{ key: string | null; problems: DiagramProblem[] }> {
  const linted = await lintDiagram(xml, knownForms);
  let foreign: DiagramProblem[] = [];
  try {
    foreign = foreignExtensions((await parseBpmn(xml)).rootElement as unknown as Obj);
  } catch {
    // Already reported as bpmn_malformed by lintDiagram.
  }
  return { key: linted.key, problems: [...linted.problems, ...foreign] };
}
