import "server-only";
import { evaluate, parseExpression } from "feelin";

const EXPR = /^\s*\$\{([\s\S]+)\}\s*$/;
const SOFT_WARNINGS = new Set(["NO_VARIABLE_FOUND", "NO_CONTEXT_ENTRY_FOUND", "NO_PROPERTY_FOUND"]);
/** The engine copies these into the variables; they are not process data. */
const ENGINE_KEYS = ["fields", "content", "properties"];

export function processVariables(vars: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(vars ?? {}) };
  for (const k of ENGINE_KEYS) delete out[k];
  return JSON.parse(JSON.stringify(out));
}

/**
 * Conditions and attribute expressions are FEEL inside ${...}, evaluated against
 * a JSON copy of the process variables only: no property walk into the engine,
 * no function calls into the server. Literals (timer durations, message names)
 * pass through unchanged.
 */
export const safeExpressions = {
  resolveExpression(template: unknown, context?: { environment?: { variables?: Record<string, unknown> } }) {
    if (typeof template !== "string") return template;
    const m = EXPR.exec(template);
    if (!m) {
      if (template.includes("${")) throw new Error(`embedded expressions are not supported: ${template}`);
      return template;
    }
    return evaluateFeel(m[1], processVariables(context?.environment?.variables));
  },
  isExpression: (t: unknown) => typeof t === "string" && EXPR.test(t),
  hasExpression: (t: unknown) => typeof t === "string" && t.includes("${"),
};

function evaluateFeel(source: string, scope: Record<string, unknown>): unknown {
  const { value, warnings } = evaluate(source, scope) as { value: unknown; warnings: { type: string; message: string }[] };
  const hard = warnings.filter((w) => !SOFT_WARNINGS.has(w.type));
  if (hard.length) throw new Error(`expression ${source}: ${hard.map((w) => w.message).join("; ")}`);
  return value;
}

/** Resolves an attribute that may be a ${...} expression (assignee, due date) against variables. */
export function resolveAttribute(value: string | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  const m = EXPR.exec(value);
  return m ? evaluateFeel(m[1], processVariables(variables)) : value;
}

/** Null when the text is one valid ${FEEL} expression; otherwise a message code for the editor. */
export function validateExpression(src: string): "expression_format" | "expression_operators" | "expression_syntax" | null {
  const m = EXPR.exec(src);
  if (!m) return "expression_format";
  if (/==|&&|\|\||!(?!=)/.test(m[1])) return "expression_operators";
  let bad = false;
  parseExpression(m[1], {}, undefined).iterate({
    enter(n: { type: { isError: boolean } }) {
      if (n.type.isError) bad = true;
    },
  });
  return bad ? "expression_syntax" : null;
}
