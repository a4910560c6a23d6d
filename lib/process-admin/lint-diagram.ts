import "server-only";
import { Linter } from "bpmnlint";
import { checkDefinition, type CheckedDefinition } from "../workflow/publish-definition";
import type { ModdleContext, ModdleElement } from "../workflow/moddle";
import { bpmnlintConfig } from "./bpmnlint-config";
import type { DiagramProblem } from "./problems";

type Node = ModdleElement & { flowElements?: Node[]; incoming?: Node[]; outgoing?: Node[]; sourceRef?: Node; targetRef?: Node; rootElements?: Node[] };

/**
 * moddle fills `incoming`/`outgoing` only when the XML lists them (hand-written
 * files often do not), while bpmnlint's connection rules read them. Fills them
 * from the sequence flows so both files lint alike.
 */
function linkFlows(el: Node) {
  const flows = (el.flowElements ?? []).filter((f) => f.$type === "bpmn:SequenceFlow");
  for (const f of flows) {
    const add = (node: Node | undefined, key: "incoming" | "outgoing") => {
      if (!node) return;
      const list = (node[key] ??= []);
      if (!list.includes(f)) list.push(f);
    };
    add(f.sourceRef, "outgoing");
    add(f.targetRef, "incoming");
  }
  for (const child of el.flowElements ?? []) if (child.flowElements) linkFlows(child);
}

async function bpmnlintProblems(moddle: ModdleContext): Promise<DiagramProblem[]> {
  const root = moddle.rootElement as Node;
  for (const r of root.rootElements ?? []) if (r.$type === "bpmn:Process") linkFlows(r);
  const reports = await new Linter(bpmnlintConfig).lint(root);
  return Object.entries(reports).flatMap(([rule, list]) =>
    list
      .filter((r) => r.category === "error" || r.category === "warn")
      .map((r): DiagramProblem => ({ source: "bpmnlint", code: rule, severity: r.category === "error" ? "error" : "warning", elementId: r.id })),
  );
}

/** The product's publish rules and bpmnlint's, on a diagram parsed once (checkDefinition). */
export async function diagramProblems(checked: CheckedDefinition): Promise<DiagramProblem[]> {
  const product: DiagramProblem[] = checked.problems.map((p) => ({ source: "product", code: p.code, severity: p.severity ?? "error", elementId: p.elementId, params: p.params }));
  const lint = checked.moddle && checked.key ? await bpmnlintProblems(checked.moddle).catch(() => []) : [];
  return [...product, ...lint];
}

/**
 * Everything the editor checks before a publish, in one pass on the server:
 * the product's publish rules, then bpmnlint's recommended rules (only when the
 * file parsed). Never throws for a bad file: the problems say what is wrong.
 */
export async function lintDiagram(xml: string, knownForms?: ReadonlySet<string>): Promise<{ key: string | null; name: string | null; problems: DiagramProblem[] }> {
  const checked = await checkDefinition(xml, knownForms);
  return { key: checked.key, name: checked.name, problems: await diagramProblems(checked) };
}
