import "server-only";
import { evaluate, parseExpression } from "feelin";
import { patternProblem } from "./feel-regex";

/**
 * What a FEEL expression may call and how much it may loop, read from its parse tree
 * before it runs. feelin evaluates synchronously and builds every list in memory, so a
 * wide range or a few nested loops stall the server; a fractional range never ends.
 * At publish (no scope) a range needs whole-number literal ends and a list variable
 * counts as LIST_LIMIT entries; at run time (scope given) variables are resolved.
 */

type Node = ReturnType<typeof parseExpression>["topNode"];
export type FeelProblem = { code: string; params?: Record<string, string> };

/** Most iterations of nested loops an expression may run. */
const COST_LIMIT = 10_000;
/** Longest list a process variable may hold (expressions.ts refuses a larger scope). */
export const LIST_LIMIT = 10_000;
const MAX_DEPTH = 2;

/** feelin 8.2's built-in functions (dist/index.js `builtins`): the only names an expression may call. */
const BUILTINS = new Set(
  ("number|string|date|date and time|time|duration|years and months duration|@|now|today|not|substring|string length|upper case|" +
    "lower case|substring before|substring after|replace|contains|matches|starts with|ends with|split|string join|list contains|" +
    "list replace|count|min|max|sum|mean|all|any|sublist|append|concatenate|insert before|remove|reverse|index of|union|" +
    "distinct values|flatten|product|median|stddev|mode|decimal|floor|ceiling|abs|round up|round down|round half up|" +
    "round half down|modulo|sqrt|log|exp|odd|even|is|before|after|meets|met by|overlaps|overlaps before|overlaps after|" +
    "finishes|finished by|includes|during|starts|started by|coincides|day of year|day of week|month of year|week of year|" +
    "sort|get value|get entries|context|context merge|context put").split("|"),
);
const FORBIDDEN = new Set(["constructor", "__proto__", "prototype"]);
/** Where the pattern and the flags are, by position and by name. */
const REGEX_ARGS: Record<string, { pattern: [number, string]; flags?: [number, string] }> = {
  matches: { pattern: [1, "pattern"], flags: [2, "flags"] },
  replace: { pattern: [1, "pattern"], flags: [3, "flags"] },
  split: { pattern: [1, "delimiter"] },
};
const PUNCTUATION = new Set(["[", "]", "(", ")", "..", ","]);
/** Filters that pick one element (`items[1]`, `items[i]`) rather than test every element. */
const INDEX_FILTERS = new Set(["NumericLiteral", "VariableName", "ArithmeticExpression"]);

class Refusal {
  constructor(readonly problem: FeelProblem) {}
}

const children = (n: Node) => {
  const out: Node[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};
const operands = (n: Node) => children(n).filter((c) => !PUNCTUATION.has(c.name));

/** Null when the expression stays within the rules; the first problem otherwise. */
export function feelProblem(source: string, scope?: Record<string, unknown>): FeelProblem | null {
  const raw = (n: { from: number; to: number }) => source.slice(n.from, n.to);
  const text = (n: { from: number; to: number }) => raw(n).replace(/\s+/g, " ").trim();
  const literal = (n: Node) => String(evaluate(raw(n)).value);
  const tree = parseExpression(source, scope ?? {}, undefined);
  // Names the expression binds itself (loop variables, context keys, parameters) shadow the scope.
  const bound = new Set<string>();
  const refuse = (code: string, params?: Record<string, string>): never => {
    throw new Refusal({ code, params });
  };
  const tooCostly = (count: number) => refuse("expression_too_costly", { count: count > 1e12 ? "> 1000000000000" : String(count), limit: String(COST_LIMIT) });

  const fromScope = (n: Node, inFilter: boolean): { known: boolean; value?: unknown } => {
    if (!scope || inFilter || n.name !== "VariableName" || bound.has(text(n))) return { known: false };
    return { known: true, value: Object.hasOwn(scope, text(n)) ? scope[text(n)] : null };
  };
  const endpoint = (n: Node, inFilter: boolean): { known: boolean; value?: unknown } => {
    if (n.name === "NumericLiteral") return { known: true, value: Number(text(n).replace(/\s/g, "")) };
    if (scope && n.name === "StringLiteral") return { known: true, value: "" };
    return fromScope(n, inFilter);
  };
  /** Values in a range `a..b`; feelin loops forever on ends that are not whole numbers. */
  const rangeSize = (range: Node, inFilter: boolean): number => {
    const [a, b] = operands(range).map((n) => endpoint(n, inFilter));
    if (!a?.known || !b?.known) return refuse("expression_unbounded_range");
    if (typeof a.value === "string" && typeof b.value === "string") return 52; // feelin's letter ranges: a..z, A..Z
    if (a.value == null || b.value == null) return 1; // feelin refuses such a range
    if (!Number.isInteger(a.value) || !Number.isInteger(b.value)) return refuse("expression_unbounded_range");
    const size = Math.abs((b.value as number) - (a.value as number)) + 1;
    return size > COST_LIMIT ? tooCostly(size) : size;
  };
  const listSize = (n: Node, inFilter: boolean): number => {
    const interval = n.name === "SimplePositiveUnaryTest" ? n.getChild("Interval") : null;
    if (interval) return rangeSize(interval, inFilter);
    if (n.name === "List") return operands(n).length;
    const v = fromScope(n, inFilter);
    return v.known ? (Array.isArray(v.value) ? v.value.length : 1) : LIST_LIMIT;
  };
  const enterLoop = (m: number, size: number, depth: number) => {
    if (m * size > COST_LIMIT || (!scope && depth > MAX_DEPTH)) tooCostly(m * size);
    return m * size;
  };

  const visit = (n: Node, m: number, depth: number, inFilter: boolean): void => {
    if (n.name === "FunctionInvocation") checkCall(n);
    if (n.name === "ForExpression" || n.name === "QuantifiedExpression") {
      for (const inExpr of n.getChild("InExpressions")?.getChildren("InExpression") ?? []) {
        const ctx = inExpr.getChild("IterationContext");
        if (!ctx) continue;
        for (const c of children(inExpr)) visit(c, m, depth, inFilter);
        const parts = operands(ctx);
        m = enterLoop(m, parts.length === 2 ? rangeSize(ctx, inFilter) : listSize(parts[0], inFilter), ++depth);
      }
      const body = n.lastChild;
      if (body) visit(body, m, depth, inFilter);
      return;
    }
    if (n.name === "FilterExpression") {
      const [target, test] = operands(n);
      visit(target, m, depth, inFilter);
      if (!test) return;
      if (INDEX_FILTERS.has(test.name)) return visit(test, m, depth, inFilter);
      return visit(test, enterLoop(m, listSize(target, inFilter), depth + 1), depth + 1, true);
    }
    // A range kept as a value can be looped over later, where its size is no longer visible.
    if (n.name === "Interval" && !isMembershipTest(n) && n.parent?.parent?.name !== "IterationContext") rangeSize(n, inFilter);
    for (const c of children(n)) visit(c, m, depth, inFilter);
  };

  const checkCall = (n: Node) => {
    const target = n.firstChild!;
    const name = text(target);
    if (!["VariableName", "SpecialFunctionName"].includes(target.name) || !BUILTINS.has(name)) refuse("expression_unknown_function", { name: name.slice(0, 60) });
    if (scope || !REGEX_ARGS[name]) return;
    const positional = n.getChild("PositionalParameters");
    const named = n.getChild("NamedParameters")?.getChildren("NamedParameter") ?? [];
    const argument = ([index, argName]: [number, string]) =>
      positional ? operands(positional)[index] : named.find((p) => text(p.firstChild!) === argName)?.lastChild;
    const pattern = argument(REGEX_ARGS[name].pattern);
    if (pattern?.name !== "StringLiteral") return refuse("expression_regex", { pattern: pattern ? text(pattern).slice(0, 100) : "" });
    // Flags that are not a literal are checked when the expression runs.
    const flags = REGEX_ARGS[name].flags && argument(REGEX_ARGS[name].flags);
    const value = literal(pattern);
    if (patternProblem(value, flags?.name === "StringLiteral" ? literal(flags) : "")) refuse("expression_regex", { pattern: value.slice(0, 100) });
  };

  try {
    tree.iterate({
      enter(n) {
        if (n.name === "Name") bound.add(text(n));
        // feelin does not follow these into JavaScript prototypes, but a name like that is never meant well.
        const name = n.name === "Identifier" ? text(n) : n.name === "StringLiteral" && n.node.parent?.name === "Key" ? literal(n.node) : "";
        if (FORBIDDEN.has(name)) refuse("expression_forbidden_name", { name });
      },
    });
    visit(tree.topNode, 1, 0, false);
    return null;
  } catch (e) {
    if (e instanceof Refusal) return e.problem;
    throw e;
  }
}

/** `x in [1..5]`: a range only compared against, never looped over. */
function isMembershipTest(interval: Node): boolean {
  let p = interval.parent;
  while (p && ["SimplePositiveUnaryTest", "PositiveUnaryTest", "PositiveUnaryTests"].includes(p.name)) p = p.parent;
  return p?.name === "Comparison" || p?.name === "Expression" || p?.name === "UnaryTests";
}
