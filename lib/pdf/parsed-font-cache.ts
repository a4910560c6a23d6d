import "server-only";
import { createRequire } from "node:module";
import path from "node:path";

/** The parts of fontkit 2 and pdfkit this module uses (no typings installed for them). */
type Fontkit = { create(buffer: Uint8Array): ParsedFont };
type ParsedFont = { stream: { buffer: Uint8Array }; getFont(name: string): unknown };
type FontMethod = (this: unknown, src: unknown, family?: unknown, size?: unknown) => unknown;

/** The parsed font of each registered Buffer, under a key no font file uses as a name. */
const byKey = new Map<string, { buffer: Uint8Array; font: ParsedFont }>();
const keyOf = new WeakMap<Uint8Array, string>();
let state: "hooked" | "unavailable" | null = null;

/**
 * Hooks two places, each only for the Buffers registered here:
 * - pdfmake's PDFDocument `font(bytes)` (what pdfmake calls for every font of every
 *   document) adds the Buffer's key as pdfkit's `family` argument; pdfkit's own `font`
 *   and `PDFFontFactory.open` then run unchanged: `fontkit.create(bytes, key)` reads the
 *   table directory (cheap) and asks the font for the named instance `key`;
 * - fontkit's `getFont(name)` of an OpenType font answers `key` with the font parsed once
 *   (for the same bytes only), instead of a font that decodes its 8 MB of tables again.
 *
 * What stays per document: pdfkit wraps the parsed font in a new `EmbeddedFont` for
 * every document, which holds the document's subset (`font.createSubset()`), widths,
 * ToUnicode entries and layout cache. What is shared: the decoded tables and the glyph
 * objects (metrics, outlines), which fontkit does not change when it lays out or subsets;
 * its calls are synchronous, so documents rendered at the same time cannot interleave in one.
 */
function hook(app: NodeRequire, sample: ParsedFont): void {
  const openType = Object.getPrototypeOf(sample) as ParsedFont;
  const getFont = openType.getFont;
  openType.getFont = function (this: ParsedFont, name: string) {
    const hit = byKey.get(name);
    return hit && this.stream.buffer === hit.buffer ? hit.font : getFont.call(this, name);
  };
  const pdfmakeDocument = (app("pdfmake/js/PDFDocument") as { default: { prototype: { font: FontMethod } } }).default.prototype;
  const font = pdfmakeDocument.font;
  pdfmakeDocument.font = function (src, family, size) {
    const key = src instanceof Uint8Array ? keyOf.get(src) : undefined;
    if (key === undefined || typeof family === "string") return font.call(this, src, family, size);
    return font.call(this, src, key, typeof family === "number" ? family : size);
  };
}

/**
 * Parses `buffer` now (once per process) and makes pdfkit reuse the parsed font for every
 * later document pdfmake renders from this same Buffer object. Returns false when pdfmake,
 * pdfkit or fontkit do not have the expected shape (documents are then still correct: each
 * parses the font again, as before).
 */
export function parseFontOnce(buffer: Buffer, name: string): boolean {
  if (keyOf.has(buffer)) return true;
  if (state === "unavailable") return false;
  const app = createRequire(path.join(process.cwd(), "package.json"));
  // The fontkit pdfkit itself loads (resolved from pdfkit's folder, from pdfmake's).
  const fontkit = createRequire(createRequire(app.resolve("pdfmake")).resolve("pdfkit"))("fontkit") as Fontkit;
  const font = fontkit.create(buffer);
  const key = `${name}#parsed-once`;
  try {
    if (state === null) hook(app, font);
    state = "hooked";
    byKey.set(key, { buffer, font });
    keyOf.set(buffer, key);
    return true;
  } catch {
    state = "unavailable";
    return false;
  }
}
