import "server-only";
import { pipeline, Readable } from "node:stream";
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "gb18030";

/** Read at least this much before deciding, and more while it is all ASCII (nothing tells the encodings apart yet). */
const SNIFF_BYTES = 64 * 1024;
const SNIFF_MAX_BYTES = 1024 * 1024;

function hasNonAscii(buf: Buffer): boolean {
  for (const b of buf) if (b >= 0x80) return true;
  return false;
}

/** Valid UTF-8, a character cut at the end of an incomplete head forgiven. */
function isUtf8(head: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * A CSV's text, decoded as it streams: UTF-8 (with or without a BOM) when the first
 * chunks are valid UTF-8, otherwise GB18030 (a superset of GBK, what Chinese Excel
 * writes). Only the head is held to decide; the rest flows through iconv-lite.
 */
export async function decodeCsv(source: Readable): Promise<{ encoding: TextEncoding; text: Readable }> {
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let length = 0;
  let complete = false;
  let sawNonAscii = false;
  while (length < SNIFF_MAX_BYTES && (length < SNIFF_BYTES || !sawNonAscii)) {
    const next = await it.next();
    if (next.done) {
      complete = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    parts.push(chunk);
    length += chunk.length;
    sawNonAscii ||= hasNonAscii(chunk);
  }
  const head = Buffer.concat(parts);
  const encoding: TextEncoding = isUtf8(head, complete) ? "utf-8" : "gb18030";
  async function* whole() {
    if (head.length) yield head;
    if (complete) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // iconv-lite drops a leading BOM by default.
  const text = pipeline(Readable.from(whole(), { objectMode: false }), iconv.decodeStream(encoding), () => {});
  return { encoding, text: text as unknown as Readable };
}
