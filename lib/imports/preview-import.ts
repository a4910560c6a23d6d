import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { cleanMapping } from "./guess-mapping";
import type { CheckedRow, ExistingRecord, ImportGroup, ImportTarget, PreviewRow, RawRow } from "./import-target";
import { mappedRows, ownImportRun } from "./import-run";

const PREVIEW_ROWS = 20;
const CHUNK = 500;

/** Union-find over row numbers: rows sharing a key end in one set. */
class RowSets {
  private readonly parent = new Map<number, number>();
  private readonly byKey = new Map<string, number>();

  root(r: number): number {
    let p = this.parent.get(r) ?? r;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p) ?? p;
    this.parent.set(r, p);
    return p;
  }

  add(row: number, keys: string[]) {
    this.parent.set(row, this.parent.get(row) ?? row);
    for (const k of keys) {
      const other = this.byKey.get(k);
      if (other === undefined) this.byKey.set(k, row);
      else {
        const [a, b] = [this.root(row), this.root(other)];
        if (a !== b) this.parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
  }

  rows() {
    return [...this.parent.keys()];
  }
}

/**
 * The whole file read once with the chosen mapping: every row validated, duplicates
 * found within the file (shared keys) and against existing records (batched lookups),
 * grouped; the first rows kept with their problems for the page. Stored on the run, so
 * the page shows them again after a reload; the decisions default to skip.
 */
export async function previewImport<V>(db: Db, who: Actor | null, target: ImportTarget<V>, runId: string, rawMapping: Record<string, unknown>) {
  const { actor, run } = await ownImportRun(db, who, target, runId);
  if (run.status !== "draft" || !run.fileId) throw new AppError("conflict");
  const mapping = cleanMapping(target.fields, run.headers, rawMapping);
  const missing = target.fields.filter((f) => f.required && !(f.key in mapping));
  if (missing.length) throw new AppError("validation", { fieldErrors: Object.fromEntries(missing.map((f) => [f.key, "crmImport.errors.requiredUnmapped"])) });

  const sets = new RowSets();
  const existingOf = new Map<number, ExistingRecord>();
  const labels = new Map<number, string>();
  const preview: PreviewRow[] = [];
  let total = 0;
  let invalid = 0;
  const take = async (chunk: RawRow[]) => {
    const checked: CheckedRow<V>[] = await target.check(db, actor, chunk);
    const valid = checked.filter((c) => c.value !== null);
    const found = await target.findExisting(db, valid.flatMap((c) => c.keys));
    for (const c of checked) {
      total++;
      if (preview.length < PREVIEW_ROWS) preview.push({ rowNumber: c.rowNumber, raw: c.raw, problems: c.problems, group: null });
      if (!c.value) {
        invalid++;
        continue;
      }
      sets.add(c.rowNumber, c.keys);
      labels.set(c.rowNumber, target.label(c));
      const hit = c.keys.map((k) => found.get(k)).find(Boolean);
      if (hit) existingOf.set(c.rowNumber, hit);
    }
  };
  let chunk: RawRow[] = [];
  for await (const row of mappedRows(db, run, mapping)) {
    chunk.push(row);
    if (chunk.length >= CHUNK) {
      await take(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await take(chunk);

  const members = new Map<number, number[]>();
  for (const r of sets.rows()) {
    const root = sets.root(r);
    const list = members.get(root);
    if (list) list.push(r);
    else members.set(root, [r]);
  }
  const groups: ImportGroup[] = [];
  for (const [root, rows] of members) {
    const existing = rows.map((r) => existingOf.get(r)).find(Boolean) ?? null;
    if (rows.length < 2 && !existing) continue;
    rows.sort((a, b) => a - b);
    groups.push({ id: root, rows, label: labels.get(root) ?? "", existing, decision: "skip" });
  }
  groups.sort((a, b) => a.id - b.id);
  const groupOf = new Map(groups.flatMap((g) => g.rows.map((r) => [r, g.id] as const)));
  for (const p of preview) p.group = groupOf.get(p.rowNumber) ?? null;

  await db.$transaction(async (tx) => {
    await tx.importRun.update({ where: { id: run.id }, data: { mapping, total, invalid, groups, preview } });
    await writeAudit(tx, actor, { action: "import.preview", entity: "ImportRun", entityId: run.id, after: { mapping, total, invalid, groups: groups.length } });
  });
  return { mapping, total, invalid, groups, preview };
}
