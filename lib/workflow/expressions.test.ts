import { evaluate } from "feelin";
import { describe, expect, it } from "vitest";
import { evaluateFeel, ExpressionError, resolveAttribute, safeExpressions, validateExpression } from "./expressions";

/** Every validation and evaluation here must answer fast: the point of the rules is that none can stall. */
function timed<T>(f: () => T, limitMs = 1000): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    expect(performance.now() - t0, "one evaluation or validation took too long").toBeLessThan(limitMs);
  }
}
const validate = (feel: string) => timed(() => validateExpression(`\${${feel}}`));
const run = (feel: string, scope: Record<string, unknown> = {}, limitMs = 1000) => timed(() => evaluateFeel(feel, scope), limitMs);
function runError(feel: string, scope: Record<string, unknown> = {}, limitMs = 1000): ExpressionError {
  try {
    run(feel, scope, limitMs);
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    return e as ExpressionError;
  }
  throw new Error(`expected ${feel} to fail`);
}

const SCOPE = {
  amount: 2500,
  supplierLevel: "A",
  approved: true,
  items: [{ qty: 12 }, { qty: 3 }],
  code: "AB1234",
  name: "华东精密零件",
  deliveryDate: "2026-03-01",
  manager: { id: "emp-7" },
};

/** What process owners write: accepted at publish, and it runs. */
const VALID: [string, unknown][] = [
  ["amount > 1000", true],
  ["amount > 1000 and supplierLevel = \"A\"", true],
  ["amount <= 1000 or approved", true],
  ["not(approved)", false],
  ["supplierLevel != \"C\"", true],
  ["amount between 1000 and 5000", true],
  ["amount in [1000..5000]", true],
  ["amount in ([0..100], [2000..3000])", true],
  ["count(items) > 0", true],
  ["sum(items.qty)", 15],
  ["items[qty > 10].qty", [12]],
  ["items[1].qty", 12],
  ["some x in items satisfies x.qty > 10", true],
  ["every x in items satisfies x.qty > 0", true],
  ["for i in 1..12 return i * 2", [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]],
  ["for i in [1..3] return i", [1, 2, 3]],
  ["for i in -2..2, j in 1..3 return i * j", [-2, -4, -6, -1, -2, -3, 0, 0, 0, 1, 2, 3, 2, 4, 6]],
  ["for x in items return x.qty", [12, 3]],
  ["matches(code, \"^[A-Z]{2}\\d{4}$\")", true],
  ["matches(input: code, pattern: \"^ab\", flags: \"i\")", true],
  ["replace(code, \"(\\d)\", \"<$1>\")", "AB<1><2><3><4>"],
  ["split(\"a,b,,c\", \",\")", ["a", "b", "", "c"]],
  ["string length(name) < 50", true],
  ["upper case(supplierLevel) = \"A\"", true],
  ["contains(name, \"精密\")", true],
  ["date(deliveryDate) > date(\"2026-01-01\")", true],
  ["date(deliveryDate) + duration(\"P7D\") = date(\"2026-03-08\")", true],
  ["day of week(date(deliveryDate))", "Sunday"],
  ["years and months duration(date(\"2025-01-01\"), date(deliveryDate)) = duration(\"P1Y2M\")", true],
  ["if amount > 1000 then \"management\" else \"purchasing\"", "management"],
  ["manager.id", "emp-7"],
  ["sort([3, 1, 2], function(a, b) a < b)", [1, 2, 3]],
  ["sum(for i in 1..100 return i)", 5050],
];

/** Refused at publish, with the code (and params) the editor shows. */
const REFUSED: [string, string, Record<string, string>?][] = [
  ["foo(1)", "expression_unknown_function", { name: "foo" }],
  ["amount(1)", "expression_unknown_function", { name: "amount" }],
  ["manager.id(1)", "expression_unknown_function", { name: "manager.id" }],
  ["{f: function(n) f(n - 1)}.f(30)", "expression_unknown_function", { name: "{f: function(n) f(n - 1)}.f" }],
  ["initiator.constructor.constructor(\"return 1\")()", "expression_forbidden_name", { name: "constructor" }],
  ["manager.__proto__", "expression_forbidden_name", { name: "__proto__" }],
  ["prototype", "expression_forbidden_name", { name: "prototype" }],
  ["{\"constructor\": 1}", "expression_forbidden_name", { name: "constructor" }],
  ["for i in 1..n return i", "expression_unbounded_range"],
  ["for i in 0..count(items) return i", "expression_unbounded_range"],
  ["for i in 1..3.5 return i", "expression_unbounded_range"],
  ["for i in \"a\"..\"z\" return i", "expression_unbounded_range"],
  ["for i in 1..3, j in 1..i return j", "expression_unbounded_range"],
  ["count(for i in 1..20000000 return i)", "expression_too_costly", { count: "20000000", limit: "10000" }],
  ["for i in 1..1000, j in 1..1000 return 1", "expression_too_costly", { count: "1000000", limit: "10000" }],
  ["some i in 1..1000000 satisfies i < 0", "expression_too_costly", { count: "1000000", limit: "10000" }],
  ["for i in 1..2, j in 1..2, k in 1..2 return 1", "expression_too_costly", { count: "8", limit: "10000" }],
  ["some x in items satisfies some y in items satisfies x = y", "expression_too_costly", { count: "100000000", limit: "10000" }],
  ["for i in 1..12 return items[qty > i]", "expression_too_costly", { count: "120000", limit: "10000" }],
  ["for r in [[1..1000000000]] return r", "expression_too_costly", { count: "1000000000", limit: "10000" }],
  ["matches(code, pattern)", "expression_regex", { pattern: "pattern" }],
  ["matches(code, \"(a)\\1\")", "expression_regex", { pattern: "(a)\\1" }],
  ["matches(code, \"(?=A)\")", "expression_regex", { pattern: "(?=A)" }],
  ["replace(code, \"[\", \"x\")", "expression_regex", { pattern: "[" }],
  ["split(code, \"(?<n>a)\\k<n>\")", "expression_regex", { pattern: "(?<n>a)\\k<n>" }],
  ["matches(code, \"a\", \"x\")", "expression_regex", { pattern: "a" }],
];

describe("validateExpression", () => {
  it.each(VALID)("accepts and runs %s", (feel, value) => {
    expect(validate(feel)).toBeNull();
    expect(run(feel, SCOPE)).toEqual(value);
  });

  it.each(REFUSED)("refuses %s (%s)", (feel, code, params) => {
    expect(validate(feel)).toEqual(params ? { code, params } : { code });
  });

  it("keeps the format, operator and syntax codes", () => {
    expect(validateExpression("amount > 5")).toEqual({ code: "expression_format" });
    expect(validateExpression("${approved == true}")).toEqual({ code: "expression_operators" });
    expect(validateExpression("${amount > }")).toEqual({ code: "expression_syntax" });
  });
});

describe("evaluateFeel", () => {
  it("runs the catastrophic pattern in linear time", () => {
    for (const length of [28, 10_000]) {
      expect(run('matches(x, "^(a+)+$")', { x: "a".repeat(length - 1) + "!" }, 200)).toBe(false);
      expect(run('matches(x, "^(a+)+$")', { x: "a".repeat(length) }, 200)).toBe(true);
    }
  });

  it("refuses a huge range before building it", () => {
    expect(validate("count(for i in 1..20000000 return i)")?.code).toBe("expression_too_costly");
    expect(runError("count(for i in 1..20000000 return i)", {}, 200).code).toBe("expression_too_costly");
    expect(runError("for i in 1..n return i", { n: 20_000 }, 200).code).toBe("expression_too_costly");
    expect(runError("for i in 1..n, j in 1..n return 1", { n: 200 }, 200).code).toBe("expression_too_costly");
    expect(run("for i in 1..n return i", { n: 3 })).toEqual([1, 2, 3]);
  });

  it("refuses a range feelin would never finish", () => {
    expect(runError("for i in 1..n return i", { n: 3.5 }, 200).code).toBe("expression_too_costly");
    expect(runError("for n in 1..3, i in 1..n return i", { n: 2 }, 200).code).toBe("expression_too_costly");
  });

  it("refuses a scope with a long list or a large JSON", () => {
    const e = runError("count(items) > 0", { items: Array.from({ length: 20_001 }, (_, i) => i) });
    expect(e.code).toBe("expression_too_costly");
    expect(e.detail).toMatch(/20001 entries/);
    expect(runError("amount > 1", { amount: 2, notes: "x".repeat(1_100_000) }).code).toBe("expression_too_costly");
    expect(run("count(items)", { items: Array.from({ length: 10_000 }, (_, i) => i) })).toBe(10_000);
  });

  it("turns the constructor walk into an ExpressionError", () => {
    expect(validate('initiator.constructor.constructor("return 1")()')?.code).toBe("expression_forbidden_name");
    const e = runError('initiator.constructor.constructor("return 1")()', { initiator: { id: "u1" } });
    expect(e.code).toBe("expression_failed");
    expect(e.message).toMatch(/^expression /);
  });

  it("turns feelin's hard warnings and exceptions into expression_failed", () => {
    expect(runError('number("x")').code).toBe("expression_failed");
    expect(runError("amount +", SCOPE).code).toBe("expression_failed");
    expect(run("missing = null")).toBe(true);
  });

  it("reports a bad pattern from a variable as expression_regex", () => {
    expect(runError("matches(code, pattern)", { code: "a", pattern: "(a)\\1" }).code).toBe("expression_regex");
    expect(runError('matches(code, "a", "q")', { code: "a" }).code).toBe("expression_regex");
  });

  it("gives feelin's own results for matches, replace and split", () => {
    const calls = [
      'matches("AB1234", "^[A-Z]{2}\\d{4}$")',
      'matches("ab1234", "^[A-Z]{2}", "i")',
      'matches("line1\\nline2", "^line2$", "m")',
      'matches("a\\nb", "a.b", "s")',
      'matches("a\\nb", "a.b")',
      'matches("华东精密", "精密$")',
      'matches(5, "5")',
      'replace("abcabc", "(b)(c)", "[$2$1$0$$]")',
      'replace("2026-03-01", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1")',
      'replace("Hello World", "o", "0", "i")',
      'replace("aaa", "a*", "-")',
      'replace("abc", "(?<n>b)", "<$<n>>")',
      'split("a,b,,c,,", ",")',
      'split("a1b22c", "\\d+")',
      'split("a1b2c", "(\\d)")',
      'split(",a", ",")',
      'split("abc", "")',
      'split("", ",")',
      'split("😀a😀", "")',
      'split("甲、乙、丙", "、")',
    ];
    for (const call of calls) expect(run(call), call).toEqual(evaluate(call, {}).value);
  });

  it("keeps the safe functions when a variable has their name", () => {
    expect(run('matches(x, "^(a+)+$")', { x: "a".repeat(27) + "!", matches: "shadow", replace: 1, split: null }, 200)).toBe(false);
    const variables = { x: "a".repeat(27) + "!", matches: "shadow" };
    expect(timed(() => safeExpressions.resolveExpression('${matches(x, "^(a+)+$")}', { environment: { variables } }), 200)).toBe(false);
    expect(timed(() => resolveAttribute('${replace(x, "a+", "b")}', variables))).toBe("b!");
  });

  it("refuses embedded expressions with an ExpressionError", () => {
    expect(() => safeExpressions.resolveExpression("total ${amount}")).toThrow(ExpressionError);
    expect(safeExpressions.resolveExpression("PT5M")).toBe("PT5M");
  });
});
