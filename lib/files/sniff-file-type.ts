import "server-only";
import { fileTypeFromBuffer } from "file-type";

export type SniffedType = { mime: string; ext: string; text: boolean };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What may be uploaded, keyed by the MIME type file-type reports from the content. */
const ALLOWED = new Map<string, string>([
  ["application/pdf", "pdf"],
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
  ["image/webp", "webp"],
  ["image/gif", "gif"],
  [DOCX, "docx"],
  [XLSX, "xlsx"],
]);

export const ZIP_MIME = "application/zip";

/** Validates a text upload chunk by chunk (the head while sniffing, the rest while it streams). */
export interface TextCheck {
  push(chunk: Uint8Array): boolean;
  end(): boolean;
}

/**
 * Incremental UTF-8 check: the head is validated as it is sniffed, the rest while it
 * streams, so a binary tail behind a text-looking head is still refused.
 */
export class Utf8TextCheck implements TextCheck {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  /** False on a NUL byte or invalid UTF-8; a character cut at the chunk end waits for the next chunk. */
  push(chunk: Uint8Array): boolean {
    if (chunk.includes(0)) return false;
    try {
      this.decoder.decode(chunk, { stream: true });
      return true;
    } catch {
      return false;
    }
  }

  /** False when the input stops in the middle of a character. */
  end(): boolean {
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * UTF-8, or else a legacy Chinese encoding (GBK / GB18030, what Chinese Excel saves CSVs
 * in), for owners that decode it themselves (imports): once the bytes are not UTF-8,
 * anything without NUL bytes passes, as GB18030 maps nearly every byte sequence.
 */
export class LegacyTextCheck implements TextCheck {
  private readonly utf8 = new Utf8TextCheck();
  private legacy = false;

  push(chunk: Uint8Array): boolean {
    if (chunk.includes(0)) return false;
    if (!this.legacy && !this.utf8.push(chunk)) this.legacy = true;
    return true;
  }

  /** A UTF-8 character cut at the end is legacy text too. */
  end(): boolean {
    return true;
  }
}

function textType(fileName: string): SniffedType {
  return /\.csv$/i.test(fileName) ? { mime: "text/csv", ext: "csv", text: true } : { mime: "text/plain", ext: "txt", text: true };
}

/**
 * The type from the first bytes, never from the name or the client's Content-Type.
 * Returns null when the type is not allowed. A ZIP whose head says no more than "zip"
 * comes back as ZIP_MIME while the file goes on: OOXML writers may put
 * [Content_Types].xml after the head, so the caller decides once the whole file is
 * there. `check` is fed the head (and closed when the head is the whole file).
 */
export async function sniffFileType(
  head: Uint8Array,
  { fileName, complete }: { fileName: string; complete: boolean },
  check: TextCheck,
): Promise<SniffedType | null> {
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const ext = ALLOWED.get(found.mime);
    if (ext) return { mime: found.mime, ext, text: false };
    return found.mime === ZIP_MIME && !complete ? { mime: ZIP_MIME, ext: "zip", text: false } : null;
  }
  const text = check.push(head) && (!complete || check.end());
  return text ? textType(fileName) : null;
}

/** The verdict on a whole ZIP-based file (detected by file-type over the full stream). */
export function allowedContainerType(mime: string | undefined): SniffedType | null {
  if (mime === DOCX) return { mime, ext: "docx", text: false };
  if (mime === XLSX) return { mime, ext: "xlsx", text: false };
  return null;
}
