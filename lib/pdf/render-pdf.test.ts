import zlib from "node:zlib";
import { PDFParse } from "pdf-parse";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { pdfFontsParsedOnce, renderPdf } from "./render-pdf";

// Two documents whose Chinese characters share nothing, one line each in Regular and Bold.
const A = { zh: "甲购买精密铝合金散热片", en: "Alpha orders heat sinks", boldZh: "总价", boldEn: "Total EUR" };
const B = { zh: "乙交付不锈钢螺栓和垫圈", en: "Zulu delivers bolts", boldZh: "签字", boldEn: "Signed by" };
type Texts = typeof A;

const doc = (t: Texts): TDocumentDefinitions => ({
  content: [{ text: t.zh }, { text: t.en }, { text: `${t.boldZh} ${t.boldEn}`, bold: true }],
});

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/**
 * The characters each embedded font subset maps (its ToUnicode CMap, one per font in
 * the document), without glyph 0: what the document embeds, font by font.
 */
function embeddedCharacters(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const maps: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(m[1], "latin1");
    let body: string;
    try {
      body = zlib.inflateSync(bytes).toString("latin1");
    } catch {
      body = m[1];
    }
    if (!body.includes("beginbfrange")) continue;
    // `<first> <last> [<code point> ...]`: the code points of glyphs first..last, in order.
    const chars = [...body.matchAll(/\[([^\]]*)\]/g)]
      .flatMap((range) => [...range[1].matchAll(/<([0-9a-fA-F]{4})>/g)])
      .map((h) => parseInt(h[1], 16))
      .filter((cp) => cp !== 0);
    maps.push(String.fromCharCode(...chars));
  }
  return maps;
}

const charSet = (s: string) => [...new Set(s.replace(/\s/g, ""))].sort().join("");

function expectOwnDocument(pdf: Buffer, text: string, t: Texts, other: Texts) {
  const flat = text.replace(/\s+/g, "");
  for (const part of [t.zh, t.en, t.boldZh, t.boldEn]) expect(flat).toContain(part.replace(/\s+/g, ""));
  for (const ch of other.zh + other.boldZh) expect(flat).not.toContain(ch);
  // Regular and Bold subsets: exactly the characters set in each weight, nothing of the other document.
  const [regular, bold] = embeddedCharacters(pdf).map(charSet);
  expect([regular, bold].sort()).toEqual([charSet(t.zh + t.en), charSet(t.boldZh + t.boldEn)].sort());
}

describe("renderPdf with the CJK font parsed once per process", () => {
  it("the two test documents share no Chinese character", () => {
    const b = new Set(B.zh + B.boldZh);
    expect([...(A.zh + A.boldZh)].filter((c) => b.has(c))).toEqual([]);
  });

  it("renders documents one after the other, each with its own text and glyphs", async () => {
    const a1 = await renderPdf(doc(A));
    expect(pdfFontsParsedOnce()).toBe(true);
    const b1 = await renderPdf(doc(B));
    const a2 = await renderPdf(doc(A));
    expectOwnDocument(a1, await textOf(a1), A, B);
    expectOwnDocument(b1, await textOf(b1), B, A);
    expectOwnDocument(a2, await textOf(a2), A, B);
  });

  it("renders documents concurrently, each with its own text and glyphs", async () => {
    const pdfs = await Promise.all([doc(A), doc(B), doc(A), doc(B)].map((d) => renderPdf(d)));
    for (const [i, pdf] of pdfs.entries()) {
      const [own, other] = i % 2 === 0 ? [A, B] : [B, A];
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expectOwnDocument(pdf, await textOf(pdf), own, other);
    }
  });
});
