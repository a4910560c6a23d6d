// Test helpers for lib/files (not a test itself): sample files made in code.
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";

/** A 1x1 transparent PNG. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export const PDF_SMALL = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A Windows executable's start: "MZ", the DOS stub, then filler. */
export const EXE_HEAD = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(0x3a), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(4096, 0x90)]);

/** A ZIP with stored (uncompressed) entries, in the given order. */
export function storedZip(entries: [string, Buffer | string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/></Types>`;

/** A minimal .docx; with `contentTypesLast` the big document part comes first, as some writers do. */
export function minimalDocx({ contentTypesLast = false, padding = 0 } = {}): Buffer {
  const types: [string, string] = ["[Content_Types].xml", CONTENT_TYPES("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")];
  const doc: [string, string] = ["word/document.xml", `<w:document>${" ".repeat(padding)}</w:document>`];
  return storedZip(contentTypesLast ? [doc, types] : [types, doc]);
}

export function minimalXlsx(): Buffer {
  return storedZip([
    ["[Content_Types].xml", CONTENT_TYPES("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")],
    ["xl/workbook.xml", "<workbook/>"],
  ]);
}

/**
 * `total` bytes of `fill` in chunks, produced only on demand; `produced()` tells how
 * far a consumer actually read before it stopped.
 */
export function generatedStream(total: number, { chunk = 64 * 1024, head = Buffer.alloc(0), fill = 0x41 } = {}) {
  let sent = 0;
  const stream = new Readable({
    highWaterMark: chunk,
    read() {
      if (sent >= total) return this.push(null);
      const first = sent === 0 ? head : Buffer.alloc(0);
      const size = Math.min(chunk, total - sent);
      const body = Buffer.concat([first, Buffer.alloc(Math.max(0, size - first.length), fill)]);
      sent += body.length;
      this.push(body);
    },
  });
  return { stream, produced: () => sent };
}

export function toBuffer(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on("data", (c: Buffer) => parts.push(c));
    stream.on("end", () => resolve(Buffer.concat(parts)));
    stream.on("error", reject);
  });
}
