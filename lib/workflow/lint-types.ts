import type { ModdleElement } from "./moddle";

/**
 * A problem found before publishing; `code` has a translation under processes.lint.<code>.
 * Errors refuse the publish; warnings are shown and published with.
 */
export type LintProblem = { code: string; elementId?: string; params?: Record<string, string>; severity?: "error" | "warning" };

export type El = ModdleElement & {
  flowElements?: El[];
  eventDefinitions?: El[];
  conditionExpression?: { body?: string; language?: string };
  condition?: { body?: string; language?: string };
  attachedToRef?: El;
  sourceRef?: El;
  targetRef?: El;
  isExecutable?: boolean;
  triggeredByEvent?: boolean;
  isForCompensation?: boolean;
  calledElement?: string;
  loopCharacteristics?: El & { loopCardinality?: { body?: string }; loopCondition?: { body?: string } };
  resources?: El[];
  signalRef?: El;
  messageRef?: El;
  cancelActivity?: boolean;
  default?: El;
};

export const isError = (p: LintProblem) => p.severity !== "warning";

/** Elements with their sub-process contents, at any depth. */
export function flowElementsDeep(el: El): El[] {
  return (el.flowElements ?? []).flatMap((f) => [f, ...flowElementsDeep(f)]);
}
