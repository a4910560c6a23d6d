// bpmnlint ships CommonJS rules and a Linter without declarations for these paths.
declare module "bpmnlint/rules/*" {
  const rule: (config?: unknown) => unknown;
  export default rule;
}

declare module "bpmnlint" {
  export type LintReport = { id?: string; message: string; category: "error" | "warn" | "info" | "rule-error"; path?: (string | number)[] };
  export class Linter {
    constructor(options: { resolver: unknown; config: unknown });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module "bpmn-js-differ" {
  export function diff(a: unknown, b: unknown, handler?: unknown): unknown;
}
