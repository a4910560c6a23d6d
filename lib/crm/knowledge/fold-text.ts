/**
 * Text folding for the knowledge-base search (CRM-0): lower case, full-width ASCII
 * (ＡＢＣ１２３) and the ideographic space folded to their half-width forms. Every
 * character maps to exactly one character, so a hit found in the folded text is at
 * the same place in the original (the snippet highlights the original's characters).
 */
export function foldText(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : code === 0x3000 ? " " : ch;
    const lower = half.toLowerCase();
    out += lower.length === half.length ? lower : half;
  }
  return out;
}

/** The terms of a query as typed: folded, split on spaces and Chinese punctuation, at most five. */
export function searchTerms(q: string): string[] {
  return [...new Set(foldText(q).split(/[\s,，、;；。]+/).filter(Boolean))].slice(0, 5);
}

export type Segment = { text: string; hit: boolean };

/** The text cut into plain and matching segments (each term's every occurrence), for <mark> rendering. */
function highlight(text: string, terms: string[]): Segment[] {
  const folded = foldText(text);
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0 && term; at = folded.indexOf(term, at + term.length)) marks.fill(true, at, at + term.length);
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments.at(-1);
    if (last && last.hit === marks[i]) last.text += text[i];
    else segments.push({ text: text[i], hit: marks[i] });
  }
  return segments;
}

/** About `width` characters of the body around the first hit (the start when none), with the hits marked. */
export function snippet(body: string, terms: string[], width = 90): Segment[] {
  // The markdown-lite marks (headings, list items, bold) are not shown; anything else typed stays as typed.
  const lines = body.split(/\r?\n/).map((l) => l.replace(/^\s*#{1,3}\s+/, "").replace(/^\s*[-*]\s+/, ""));
  const flat = lines.join(" ").replaceAll("**", "").replace(/\s+/g, " ").trim();
  const folded = foldText(flat);
  const first = Math.min(...terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0), Infinity);
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 3)) : 0;
  const piece = flat.slice(start, start + width);
  const segments = highlight(piece, terms);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (start + width < flat.length) segments.push({ text: "…", hit: false });
  return segments;
}
