import type { z } from "zod";
import { AppError } from "./app-error";

/**
 * Parses a use-case's input; a failure is a validation error with one message
 * code per field (the schema's own "validation.*" codes, else invalid_value).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message.startsWith("validation.") ? issue.message : "validation.invalid_value";
  throw new AppError("validation", { fieldErrors });
}
