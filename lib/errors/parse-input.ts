import type { z } from "zod";
import { AppError } from "./app-error";

const MAX_DEPTH = 32;
// A high surrogate not followed by a low one, or a low one without its high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as PostgreSQL can store it: NUL removed, lone surrogates replaced by U+FFFD. */
export function cleanText(s: string): string {
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * Request data as the domain may see it: every string (values and keys, at any
 * depth) cleaned with cleanText. PostgreSQL refuses NUL in text and json, and lone
 * surrogates are not UTF-8: left in, they fail deep inside a query as a server error.
 */
export function cleanInput(v: unknown, depth = 0): unknown {
  if (typeof v === "string") return cleanText(v);
  if (v === null || typeof v !== "object" || depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => cleanInput(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanText(k), cleanInput(x, depth + 1)]));
}

/**
 * Zod issues as one message code per top-level field (the field a form shows it
 * on): the schema's own "validation.*" message, else validation.<zod issue code>.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message.startsWith("validation.") ? issue.message : `validation.${issue.code}`;
  }
  return fieldErrors;
}

/**
 * The one way request input enters a use-case: cleaned (cleanInput), then parsed;
 * a failure is AppError("validation") with per-field message codes, never a raw ZodError.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(cleanInput(raw));
  if (parsed.success) return parsed.data;
  throw new AppError("validation", { fieldErrors: fieldErrorsOf(parsed.error.issues) });
}
