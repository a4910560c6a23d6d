import "server-only";
import type { z } from "zod";
import { AppError } from "../errors/app-error";

const MAX_BYTES = 256 * 1024;

/** Parses and validates a JSON request body; anything wrong is a validation error, never a crash. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await req.text();
  if (text.length > MAX_BYTES) throw new AppError("validation", { fieldErrors: { _: "validation.too_big" } });
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("validation", { fieldErrors: { _: "validation.invalid_format" } });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[i.path.join(".") || "_"] ??= `validation.${i.code}`;
    throw new AppError("validation", { fieldErrors });
  }
  return parsed.data;
}
