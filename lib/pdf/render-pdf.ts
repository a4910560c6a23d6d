import "server-only";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { parseFontOnce } from "./parsed-font-cache";

/** The CJK font every document is set in (Noto Sans SC from npm, embedded and subset by pdfkit). */
const PDF_FONT = "NotoSansSC";

let loadedBytes: number | null = null;
let parsedOnce = false;
/** pdfmake's in-memory file system (Node build; absent from its typings). */
const memoryFs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;

/**
 * The font files ship with the npm package @embedpdf/fonts-sc: resolved from the
 * app's own node_modules at run time, never looked up among the system's fonts and
 * never downloaded. They are read once per process into pdfmake's in-memory file
 * system (about 17 MB for Regular and Bold): given as paths, pdfkit would read both
 * files from disk again for every document. pdfmake may read no other local file and
 * fetch no URL. Each font is also parsed once per process (./parsed-font-cache): pdfkit
 * reuses the parsed font for every document and builds only the document's own subset.
 */
function setUp(): void {
  if (loadedBytes !== null) return;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const dir = path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");
  let bytes = 0;
  let shared = true;
  const load = (weight: string) => {
    const name = `${PDF_FONT}-${weight}.otf`;
    const data = fs.readFileSync(path.join(dir, `NotoSansHans-${weight}.otf`));
    bytes += data.length;
    memoryFs.writeFileSync(name, data);
    shared = parseFontOnce(data, name) && shared;
    return name;
  };
  const [regular, bold] = [load("Regular"), load("Bold")];
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts({ [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  loadedBytes = bytes;
  parsedOnce = shared;
}

/** How many bytes of font data this process loaded (once, at the first document); 0 before. */
export function pdfFontBytes(): number {
  return loadedBytes ?? 0;
}

/** Whether both fonts are parsed once per process and shared by all documents (false before the first). */
export function pdfFontsParsedOnce(): boolean {
  return parsedOnce;
}

/** Renders a pdfmake document in the CJK font (Chinese wraps by character) to a PDF buffer. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  setUp();
  const pdf = pdfmake.createPdf({ ...doc, defaultStyle: { font: PDF_FONT, ...doc.defaultStyle } });
  return (await pdf.getBuffer()) as Buffer;
}
