import "server-only";
import { FeelFunction } from "feelin";
import { RE2JS } from "re2js";

/**
 * FEEL's matches / replace / split on re2js: linear time whatever the pattern, where
 * feelin's own versions use V8 regular expressions, which backtrack (`^(a+)+$` on 28
 * characters takes seconds). Same signatures and results as feelin's on what both accept.
 */

/** A pattern or flag the functions refuse; expressions.ts reports it as expression_regex. */
export class RegexError extends Error {
  override name = "RegexError";
}

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, s: RE2JS.DOTALL, m: RE2JS.MULTILINE };
const cache = new Map<string, RE2JS>();

function compile(pattern: string, flags: string): RE2JS {
  const key = `${flags.length}:${flags}${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let bits = 0;
  for (const f of flags) {
    // feelin accepts s, m, i and refuses x ("not implemented") and anything else.
    if (!(f in FLAGS)) throw new RegexError(`unsupported regex flag "${f}"`);
    bits |= FLAGS[f];
  }
  // translateRegExp would turn \k<name> into the letters "k<name>": refuse back-references here.
  if ([...pattern.matchAll(/\\[\s\S]/g)].some((m) => m[0] === "\\k")) throw new RegexError("back-references are not supported");
  let re: RE2JS;
  try {
    // FEEL's syntax is feelin's: a JavaScript pattern with the u flag. Building a RegExp
    // only parses it; it never runs here.
    RegExp(pattern, "u");
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
  } catch (e) {
    throw new RegexError(`invalid pattern: ${(e as Error).message.slice(0, 200)}`);
  }
  if (cache.size >= 200) cache.clear();
  cache.set(key, re);
  return re;
}

/** Why re2js (or FEEL) refuses the pattern, in English; null when it can run. */
export function patternProblem(pattern: string, flags = ""): string | null {
  try {
    compile(pattern, flags);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A form field's pattern, compiled once (throws RegexError when it cannot run safely; compileFormJs checks it first). */
export function safePattern(pattern: string): RE2JS {
  return compile(pattern, "");
}

const isString = (v: unknown): v is string => typeof v === "string";
const isFlags = (v: unknown): v is string | null | undefined => v == null || typeof v === "string";

function splitString(input: string, re: RE2JS): (string | null)[] {
  // ECMAScript's String.prototype.split with a regular expression, which feelin uses.
  const m = re.matcher(input);
  if (input.length === 0) return m.find(0) ? [] : [""];
  const out: (string | null)[] = [];
  let p = 0;
  let q = 0;
  while (q < input.length && m.find(q)) {
    const s = m.start();
    const e = m.end();
    if (s >= input.length) break;
    if (e === p) {
      // An empty match where the last piece ended: step over one code point.
      q = s + ((input.codePointAt(s) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    out.push(input.slice(p, s));
    for (let g = 1; g <= m.groupCount(); g++) out.push(m.group(g));
    p = e;
    q = p;
  }
  out.push(input.slice(p));
  return out;
}

/** Spread last into the evaluation scope: feelin looks a name up in the scope before its built-ins. */
export const regexFunctions = {
  matches: new FeelFunction(
    (input: unknown, pattern: unknown, flags: unknown) => (isString(input) && isString(pattern) && isFlags(flags) ? compile(pattern, flags ?? "").test(input) : null),
    ["input", "pattern", "flags"],
  ),
  replace: new FeelFunction(
    (input: unknown, pattern: unknown, replacement: unknown, flags: unknown) =>
      isString(input) && isString(pattern) && isString(replacement) && isFlags(flags)
        ? compile(pattern, flags ?? "").matcher(input).replaceAll(replacement.replace(/\$0/g, "$$&"))
        : null,
    ["input", "pattern", "replacement", "flags"],
  ),
  split: new FeelFunction(
    (string: unknown, delimiter: unknown) => (isString(string) && isString(delimiter) ? splitString(string, compile(delimiter, "")) : null),
    ["string", "delimiter"],
  ),
};
