import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

/** The CJK font every document is set in (Noto Sans SC from npm, embedded and subset by pdfkit). */
const PDF_FONT = "NotoSansSC";

let fontsDir: string | null = null;

/**
 * The font files ship with the npm package @embedpdf/fonts-sc: resolved from the
 * app's own node_modules at run time, never looked up among the system's fonts and
 * never downloaded. pdfmake may read those files and nothing else; it may fetch no URL.
 */
function setUp(): void {
  if (fontsDir) return;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const dir = path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");
  const font = (weight: string) => path.join(dir, `NotoSansHans-${weight}.otf`);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir + path.sep));
  pdfmake.setFonts({ [PDF_FONT]: { normal: font("Regular"), bold: font("Bold"), italics: font("Regular"), bolditalics: font("Bold") } });
  fontsDir = dir;
}

/** Renders a pdfmake document in the CJK font (Chinese wraps by character) to a PDF buffer. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  setUp();
  const pdf = pdfmake.createPdf({ ...doc, defaultStyle: { font: PDF_FONT, ...doc.defaultStyle } });
  return (await pdf.getBuffer()) as Buffer;
}
