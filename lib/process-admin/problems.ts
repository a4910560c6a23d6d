/*
 * A problem of a diagram as the editor shows it: the product's publish rules
 * (lib/workflow/lint.ts, translated under processes.lint.<code>) and bpmnlint's
 * rules (processes.bpmnlint.<rule>). Shared by server and browser: no imports.
 */
export type DiagramProblem = {
  source: "product" | "bpmnlint";
  code: string;
  severity: "error" | "warning";
  elementId?: string;
  params?: Record<string, string>;
};

export function hasErrors(problems: DiagramProblem[]) {
  return problems.some((p) => p.severity === "error");
}
