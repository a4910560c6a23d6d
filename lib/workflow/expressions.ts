import "server-only";
import { evaluate, parseExpression, unaryTest } from "feelin";
import { type FeelProblem, feelProblem, LIST_LIMIT } from "./feel-cost";
import { RegexError, regexFunctions } from "./feel-regex";

const EXPR = /^\s*\$\{([\s\S]+)\}\s*$/;
const SOFT_WARNINGS = new Set(["NO_VARIABLE_FOUND", "NO_CONTEXT_ENTRY_FOUND", "NO_PROPERTY_FOUND"]);
/** The engine copies these into the variables; they are not process data. */
const ENGINE_KEYS = ["fields", "content", "properties"];
const SCOPE_BYTES = 1_000_000;

export type ExpressionErrorCode = "expression_failed" | "expression_too_costly" | "expression_regex";
/** A publish-time problem of an expression: `code` translates under processes.lint.<code>. */
export type ExpressionProblem = FeelProblem;

/**
 * An expression that could not be evaluated. `code` translates under
 * processes.incident.<code>; `detail` is short technical English for the log.
 */
export class ExpressionError extends Error {
  constructor(
    readonly code: ExpressionErrorCode,
    readonly detail: string,
    source?: string,
  ) {
    super(source === undefined ? `expression: ${detail}` : `expression ${source.slice(0, 200)}: ${detail}`);
    this.name = "ExpressionError";
  }
}

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
      if (template.includes("${")) throw new ExpressionError("expression_failed", "embedded expressions are not supported", template);
      return template;
    }
    return evaluateFeel(m[1], processVariables(context?.environment?.variables));
  },
  isExpression: (t: unknown) => typeof t === "string" && EXPR.test(t),
  hasExpression: (t: unknown) => typeof t === "string" && t.includes("${"),
};

/** Why a scope may not be evaluated against, or null: its size bounds what any expression can do. */
function scopeProblem(scope: Record<string, unknown>): string | null {
  const bytes = Buffer.byteLength(JSON.stringify(scope) ?? "");
  if (bytes > SCOPE_BYTES) return `variables take ${bytes} bytes (limit ${SCOPE_BYTES})`;
  const stack: unknown[] = [scope];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v) && v.length > LIST_LIMIT) return `a list variable has ${v.length} entries (limit ${LIST_LIMIT})`;
    if (v && typeof v === "object") for (const child of Object.values(v)) stack.push(child);
  }
  return null;
}

/** What a publish rule means once the expression runs. */
const RUNTIME_CODE: Record<string, ExpressionErrorCode> = { expression_too_costly: "expression_too_costly", expression_unbounded_range: "expression_too_costly", expression_regex: "expression_regex" };

/** Evaluates FEEL against a JSON scope; throws ExpressionError on anything but a value. */
export function evaluateFeel(source: string, scope: Record<string, unknown>): unknown {
  let result: ReturnType<typeof evaluate>;
  try {
    const tooLarge = scopeProblem(scope);
    if (tooLarge) throw new ExpressionError("expression_too_costly", tooLarge, source);
    const problem = feelProblem(source, scope);
    if (problem) {
      const params = Object.entries(problem.params ?? {}).map(([k, v]) => ` ${k}=${v}`);
      throw new ExpressionError(RUNTIME_CODE[problem.code] ?? "expression_failed", `${problem.code}${params.join("")}`, source);
    }
    // Spread last: a process variable named `matches` cannot bring back the backtracking built-in.
    result = evaluate(source, { ...scope, ...regexFunctions });
  } catch (e) {
    if (e instanceof ExpressionError) throw e;
    const detail = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    throw new ExpressionError(e instanceof RegexError ? "expression_regex" : "expression_failed", detail, source);
  }
  const hard = result.warnings.filter((w) => !SOFT_WARNINGS.has(w.type));
  if (hard.length) throw new ExpressionError("expression_failed", hard.map((w) => w.message).join("; ").slice(0, 200), source);
  return result.value;
}

/**
 * A form field's condition as form-js tests it (FEEL unary test: a comparison with a
 * missing value holds), under the same bounds as every expression. Only true holds;
 * an expression that fails or costs too much does not (the field stays shown).
 */
export function testFeel(source: string, scope: Record<string, unknown>): boolean {
  if (scopeProblem(scope) || feelProblem(source, scope)) return false;
  try {
    return unaryTest(source, { ...scope, ...regexFunctions }).value === true;
  } catch {
    return false;
  }
}

/** Resolves an attribute that may be a ${...} expression (assignee, due date) against variables. */
export function resolveAttribute(value: string | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  const m = EXPR.exec(value);
  return m ? evaluateFeel(m[1], processVariables(variables)) : value;
}

/** Null when the text is one valid, bounded ${FEEL} expression; otherwise a code (and params) for the editor. */
export function validateExpression(src: string): ExpressionProblem | null {
  const m = EXPR.exec(src);
  // Camunda 8 (Zeebe) writes FEEL as "= amount > 1000": the same language, another wrapping.
  if (!m) return /^\s*=/.test(src) ? { code: "expression_zeebe" } : { code: "expression_format" };
  if (/==|&&|\|\||!(?!=)/.test(m[1])) return { code: "expression_operators" };
  let bad = false;
  parseExpression(m[1], {}, undefined).iterate({
    enter(n) {
      if (n.type.isError) bad = true;
    },
  });
  return bad ? { code: "expression_syntax" } : feelProblem(m[1]);
}
