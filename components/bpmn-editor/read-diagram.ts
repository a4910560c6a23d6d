/*
 * Files from other tools arrive in the encoding their XML declaration names
 * (Signavio writes ISO-8859-1, older Chinese tools GBK) and with ids in any
 * language; bpmn-js reads only decoded text with ASCII ids.
 */

/** Declared encodings we decode (WHATWG labels; latin-1 is read as its superset windows-1252). */
const DECODER: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "iso-8859-1": "windows-1252",
  iso8859_1: "windows-1252",
  "iso_8859-1": "windows-1252",
  latin1: "windows-1252",
  "latin-1": "windows-1252",
  l1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  cp1252: "windows-1252",
  "windows-1252": "windows-1252",
  "x-cp1252": "windows-1252",
  gbk: "gbk",
  "x-gbk": "gbk",
  gb2312: "gbk",
  gb_2312: "gbk",
  "gb_2312-80": "gbk",
  cp936: "gbk",
  "windows-936": "gbk",
  gb18030: "gb18030",
};

/** An uploaded file as text: a byte-order mark first, then the XML declaration's encoding, else UTF-8. */
export async function readDiagramFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // The declaration is ASCII in every encoding we read.
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 512));
  const declared = /^(?:\u00ef\u00bb\u00bf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  return new TextDecoder((declared && DECODER[declared]) || "utf-8").decode(bytes);
}

/** An id moddle-xml refuses (its own pattern), or a declaration of another encoding than UTF-8. */
const NEEDS_CONVERSION = /\sid\s*=\s*(["'])(?!(?:[a-z][\w.-]*:)?[a-z_][\w.-]*\1)|^\uFEFF?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'](?!utf-8["'])/i;

/**
 * The XML with ids bpmn-js can read (lib/workflow/ascii-ids.ts, as the server
 * does); its pinyin dictionary is loaded only for a file that needs it.
 */
export async function withAsciiIds(xml: string): Promise<{ xml: string; renamed: { from: string; to: string }[] }> {
  if (!NEEDS_CONVERSION.test(xml)) return { xml, renamed: [] };
  const { asciiIds } = await import("@/lib/workflow/ascii-ids");
  return asciiIds(xml);
}
