import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { AppError } from "../errors/app-error";
import type { TextCheck } from "./sniff-file-type";
import { toMb } from "./upload-limit";

export type UploadBody = Readable | ReadableStream<Uint8Array>;

export function toNodeReadable(body: UploadBody): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>);
}

/**
 * Counts, hashes and (for text) validates the bytes as they pass. The limit is
 * checked on every chunk: past it the source is destroyed at once, so an oversized
 * upload is never read, let alone held, in full.
 */
export class UploadMeter {
  bytes = 0;
  private readonly hash = createHash("sha256");
  private textCheck: TextCheck | null = null;

  constructor(private readonly maxBytes: number) {}

  /** From now on every chunk must continue valid UTF-8 without NULs. */
  expectText(check: TextCheck) {
    this.textCheck = check;
  }

  get sha256(): string {
    return this.hash.copy().digest("hex");
  }

  async *pass(source: Readable): AsyncGenerator<Buffer> {
    // Leaving this loop early (throw, or the consumer stops) destroys the source.
    for await (const raw of source) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
      this.bytes += chunk.length;
      if (this.bytes > this.maxBytes) throw new AppError("file_too_large", { params: { maxMb: toMb(this.maxBytes) } });
      if (this.textCheck && !this.textCheck.push(chunk)) throw new AppError("file_type_not_allowed");
      this.hash.update(chunk);
      yield chunk;
    }
    if (this.textCheck && !this.textCheck.end()) throw new AppError("file_type_not_allowed");
  }
}

/**
 * Pulls the first `size` bytes (fewer if the file is shorter) for sniffing, and
 * gives back a stream of the whole file: the head, then the rest as it arrives.
 */
export async function splitHead(chunks: AsyncGenerator<Buffer>, size: number) {
  const parts: Buffer[] = [];
  let length = 0;
  let complete = false;
  while (length < size) {
    const next = await chunks.next();
    if (next.done) {
      complete = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(parts);
  async function* whole() {
    if (head.length > 0) yield head;
    // A plain loop, not `yield*`: when the consumer gives up, return() reaches `chunks` and so the source.
    try {
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await chunks.return(undefined);
    }
  }
  return { head, complete, body: Readable.from(whole(), { objectMode: false }) };
}
