import { createHash } from "node:crypto";
import type { ImportField } from "./import-target";

/** Field key -> column index in the file. */
export type ColumnMapping = Record<string, number>;

/** A header as compared: NFKC, lower case, no spaces, punctuation or a trailing "(必填)". */
function normaliseHeader(h: string): string {
  return h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, "")
    .replace(/[\s_\-*:：.·/]+/g, "");
}

/** The key a mapping is remembered by: the same headers in the same order. */
export function headerSetKey(headers: string[]): string {
  return createHash("sha256").update(JSON.stringify(headers.map(normaliseHeader))).digest("hex");
}

/** Each field's column from the headers: an exact alias first, then a header that contains one; each column used once. */
export function guessMapping(fields: readonly ImportField[], headers: string[]): ColumnMapping {
  const norm = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const pass of ["exact", "contains"] as const) {
    for (const f of fields) {
      if (f.key in mapping) continue;
      const aliases = f.aliases.map(normaliseHeader);
      const i = norm.findIndex((h, idx) => !taken.has(idx) && h !== "" && aliases.some((a) => (pass === "exact" ? h === a : a.length >= 2 && h.includes(a))));
      if (i >= 0) {
        mapping[f.key] = i;
        taken.add(i);
      }
    }
  }
  return mapping;
}

/** A mapping cleaned against the fields and the header count (unknown fields, bad or repeated columns dropped). */
export function cleanMapping(fields: readonly ImportField[], headers: string[], raw: Record<string, unknown>): ColumnMapping {
  const out: ColumnMapping = {};
  const used = new Set<number>();
  for (const f of fields) {
    const v = raw[f.key];
    const i = typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : NaN;
    if (Number.isInteger(i) && i >= 0 && i < headers.length && !used.has(i)) {
      out[f.key] = i;
      used.add(i);
    }
  }
  return out;
}
