import "server-only";
import type { Readable } from "node:stream";
import type { SniffedType } from "./sniff-file-type";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** The central directory of an Office file is a few hundred bytes a part; 256 KiB holds thousands of parts. */
const TAIL_BYTES = 256 * 1024;

/** The last TAIL_BYTES of a stream, read to its end. */
export async function streamTail(stream: Readable): Promise<Buffer> {
  let tail = Buffer.alloc(0);
  for await (const chunk of stream) {
    tail = Buffer.concat([tail, chunk as Buffer]);
    if (tail.length > 2 * TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
  }
  return tail.length > TAIL_BYTES ? tail.subarray(tail.length - TAIL_BYTES) : tail;
}

/** The entry names of a ZIP's central directory, from the file's last bytes; null when there is none in them (or a ZIP64 one). */
export function zipEntryNames(tail: Buffer): string[] | null {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const count = tail.readUInt16LE(i + 10);
    const size = tail.readUInt32LE(i + 12);
    if (count === 0xffff || size === 0xffffffff || i - size < 0) return null;
    const names: string[] = [];
    let p = i - size;
    for (let k = 0; k < count; k++) {
      if (p + 46 > i || tail.readUInt32LE(p) !== CENTRAL) return null;
      const nameLength = tail.readUInt16LE(p + 28);
      names.push(tail.toString("utf8", p + 46, p + 46 + nameLength));
      p += 46 + nameLength + tail.readUInt16LE(p + 30) + tail.readUInt16LE(p + 32);
    }
    return names;
  }
  return null;
}

/**
 * An Office container told by its central directory: [Content_Types].xml with the
 * workbook (xlsx) or the document (docx) part. For ZIPs whose parts file-type could not
 * reach: it reads at most 1 MiB of an entry written with a data descriptor, and streaming
 * writers (exceljs's WorkbookWriter, the app's own exports) put [Content_Types].xml
 * after the sheet.
 */
export function containerTypeFromNames(names: string[] | null): SniffedType | null {
  if (!names?.includes("[Content_Types].xml")) return null;
  if (names.includes("xl/workbook.xml")) return { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx", text: false };
  if (names.includes("word/document.xml")) return { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx", text: false };
  return null;
}
