import type { ContractClause, ContractLine, ContractTerms } from "./contract.schema";

const HEADER_FIELDS = ["currencyCode", "taxRate", "incoterm", "incotermPlace", "paymentTerms", "deliveryTerms", "total"] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];
const LINE_FIELDS = ["productCode", "description", "quantity", "unitCode", "unitPrice", "amount", "delivery"] as const;
type LineField = (typeof LINE_FIELDS)[number];

type FieldChange<F extends string> = { field: F; before: unknown; after: unknown };
type ClauseChange =
  | { kind: "added"; key: string; after: ContractClause }
  | { kind: "removed"; key: string; before: ContractClause }
  | { kind: "changed"; key: string; before: ContractClause; after: ContractClause; fields: ("titleZh" | "titleEn" | "textZh" | "textEn")[] };
type LineChange =
  | { kind: "added"; key: string; after: ContractLine }
  | { kind: "removed"; key: string; before: ContractLine }
  | { kind: "changed"; key: string; before: ContractLine; after: ContractLine; fields: FieldChange<LineField>[] };

export type TermsDiff = { header: FieldChange<HeaderField>[]; lines: LineChange[]; clauses: ClauseChange[]; empty: boolean };

/**
 * What changed between two versions' terms: the header fields, lines paired by their key
 * (added, removed, changed field by field) and clauses paired by their key, in the later
 * version's order with removed ones after.
 */
export function diffTerms(before: ContractTerms, after: ContractTerms): TermsDiff {
  const header = HEADER_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
  const lines = pair(before.lines, after.lines, (b, a) => {
    const fields = LINE_FIELDS.filter((f) => (b[f] ?? null) !== (a[f] ?? null)).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
    return fields.length ? { fields } : null;
  });
  const clauses = pair(before.clauses, after.clauses, (b, a) => {
    const fields = (["titleZh", "titleEn", "textZh", "textEn"] as const).filter((f) => b[f] !== a[f]);
    return fields.length ? { fields } : null;
  });
  return { header, lines: lines as LineChange[], clauses: clauses as ClauseChange[], empty: !header.length && !lines.length && !clauses.length };
}

function pair<T extends { key: string }, X>(before: T[], after: T[], compare: (b: T, a: T) => X | null) {
  const old = new Map(before.map((x) => [x.key, x]));
  const seen = new Set<string>();
  const out: ({ kind: "added"; key: string; after: T } | { kind: "removed"; key: string; before: T } | ({ kind: "changed"; key: string; before: T; after: T } & X))[] = [];
  for (const a of after) {
    seen.add(a.key);
    const b = old.get(a.key);
    if (!b) out.push({ kind: "added", key: a.key, after: a });
    else {
      const d = compare(b, a);
      if (d) out.push({ kind: "changed", key: a.key, before: b, after: a, ...d });
    }
  }
  for (const b of before) if (!seen.has(b.key)) out.push({ kind: "removed", key: b.key, before: b });
  return out;
}
