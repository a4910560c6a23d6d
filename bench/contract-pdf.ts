// `npm run bench:contract-pdf`: the sales contract PDF (CRM-9). A bilingual foreign
// contract of exactly 3 pages (lines added until the document has 3 pages), rendered
// through the product's renderPdf (Noto Sans SC read once per process into pdfmake's
// memory file system), interleaved with two baselines of the same document:
// - the same font given to pdfmake as file paths (what renderPdf did before: pdfkit reads
//   both font files from disk again for every document);
// - pdfmake's standard Helvetica (no embedding; Chinese comes out as wrong glyphs, so a
//   floor for the layout work only).
// Also the font data the process loads (bytes, once) and the first document's time,
// which includes that load. The last line is one JSON object.
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { contractPdfDocument, type ContractPdfData } from "../lib/crm/contracts/contract-pdf-document";
import { defaultTerms, withAmounts } from "../lib/crm/contracts/contract-template";
import { pdfFontBytes, renderPdf } from "../lib/pdf/render-pdf";
import { machine, timeInterleaved } from "./support.mjs";

const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

function data(lineCount: number): ContractPdfData {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    key: `L${i + 1}`, productCode: `P-${1001 + i}`, description: `精密铝合金散热片 ${60 + i}×40×12 阳极氧化（黑色）Precision aluminium heat sink`, quantity: 500 + i * 10, unitCode: "PCS", unitPrice: 12.5 + i, delivery: "2027-03-31",
  }));
  return {
    number: "SC2026-0001", template: "foreign", version: 3, date: "2026-12-06",
    seller: { nameZh: "华东精工制造有限公司", nameEn: "East China Precision Manufacturing Co., Ltd." },
    buyer: { name: "Müller Antriebstechnik GmbH", code: "CU000123", address: "Industriestraße 12, 70565 Stuttgart, Germany", contact: "Anna Müller +49 711 000000", taxCode: "DE123456789" },
    terms: withAmounts(defaultTerms("foreign", { currencyCode: "EUR", lines })),
  };
}

const rss0 = process.memoryUsage().rss;
// The first document: loads the font (once per process).
let lineCount = 10;
let t0 = performance.now();
let pdf = await renderPdf(contractPdfDocument(data(lineCount)));
const firstMs = performance.now() - t0;
const rssAfterFont = process.memoryUsage().rss;
while (pages(pdf) < 3) pdf = await renderPdf(contractPdfDocument(data(++lineCount)));
const doc = contractPdfDocument(data(lineCount));
if (pages(pdf) !== 3) throw new Error(`the document has ${pages(pdf)} pages, not 3`);

// The baselines: the same font as paths, and Helvetica, added beside renderPdf's font.
const require = createRequire(path.join(process.cwd(), "package.json"));
const dir = path.join(path.dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");
const file = (w: string) => path.join(dir, `NotoSansHans-${w}.otf`);
pdfmake.addFonts({
  NotoFromDisk: { normal: file("Regular"), bold: file("Bold"), italics: file("Regular"), bolditalics: file("Bold") },
  Helvetica: { normal: "Helvetica", bold: "Helvetica-Bold", italics: "Helvetica-Oblique", bolditalics: "Helvetica-BoldOblique" },
});
pdfmake.setLocalAccessPolicy((p) => p.startsWith("Helvetica") || path.resolve(p).startsWith(dir + path.sep));
const inFont = (font: string): TDocumentDefinitions => ({ ...doc, defaultStyle: { ...doc.defaultStyle, font } });
const direct = async (font: string) => (await pdfmake.createPdf(inFont(font)).getBuffer()) as Buffer;

const sizes = { noto: pdf.length, notoFromDisk: (await direct("NotoFromDisk")).length, helvetica: (await direct("Helvetica")).length };
t0 = performance.now();
const times = await timeInterleaved({ noto: () => renderPdf(doc), notoFromDisk: () => direct("NotoFromDisk"), helvetica: () => direct("Helvetica") }, CALLS, WARMUP);
const seconds = Math.round((performance.now() - t0) / 100) / 10;

const MiB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
console.log(`3-page foreign contract (${lineCount} lines): p95 ${times.noto.p95} ms (font from memory), ${times.notoFromDisk.p95} ms (font read per document), ${times.helvetica.p95} ms (Helvetica, no CJK)`);
console.log(`font data loaded once: ${MiB(pdfFontBytes())} MiB; first document ${Math.round(firstMs)} ms; PDF ${Math.round(sizes.noto / 1024)} KiB (Helvetica ${Math.round(sizes.helvetica / 1024)} KiB)`);
console.log(JSON.stringify({
  bench: "contract-pdf", machine: { ...machine(), loadavg_1m: Math.round(os.loadavg()[0] * 100) / 100 }, pages: 3, lines: lineCount, calls_per_case: CALLS, seconds,
  noto_p50_ms: times.noto.p50, noto_p95_ms: times.noto.p95,
  noto_from_disk_p50_ms: times.notoFromDisk.p50, noto_from_disk_p95_ms: times.notoFromDisk.p95,
  helvetica_p50_ms: times.helvetica.p50, helvetica_p95_ms: times.helvetica.p95,
  ratio_to_helvetica: Math.round((times.noto.p95 / times.helvetica.p95) * 100) / 100,
  font_bytes_loaded_once: pdfFontBytes(), rss_growth_first_document_mib: MiB(rssAfterFont - rss0), first_document_ms: Math.round(firstMs),
  pdf_bytes: sizes.noto, pdf_bytes_helvetica: sizes.helvetica,
}));
