import "server-only";
import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";

const MAX_BYTES = 256 * 1024;

/** The body as text, read no further than `max` bytes: a longer one is refused without reading it all. */
async function readLimited(req: Request, max: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > max) throw new AppError("request_too_large");
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new AppError("request_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads, cleans and validates a JSON request body; anything wrong is an AppError, never a crash. */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_BYTES): Promise<z.infer<S>> {
  const text = await readLimited(req, maxBytes);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("validation", { fieldErrors: { _: "validation.invalid_format" } });
  }
  return parseInput(schema, json);
}
