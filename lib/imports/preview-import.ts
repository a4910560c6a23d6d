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

type KeyRow = { rowNumber: number; key: string; label: string; existing: ExistingRecord | null };

/** A chunk's valid rows' keys (with the row's label and the existing record each key matched) into ImportKey, one statement. */
async function storeKeys(db: Db, runId: string, rows: KeyRow[]) {
  if (!rows.length) return;
  await db.$executeRaw`
    INSERT INTO "ImportKey" ("runId", "rowNumber", "key", "label", "existing")
    SELECT ${runId}, x."rowNumber", x."key", x."label", x."existing"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("rowNumber" int, "key" text, "label" text, "existing" jsonb)
    ON CONFLICT DO NOTHING`;
}

/**
 * The duplicate groups from the run's stored keys: only keys two rows share, or that
 * matched an existing record, come back (memory grows with the duplicates, not the file);
 * the rows sharing a key joined into one group, its first row its id and label.
 */
async function groupsFromKeys(db: Db, runId: string): Promise<ImportGroup[]> {
  const hits = await db.$queryRaw<KeyRow[]>`
    SELECT "rowNumber", "key", "label", "existing" FROM (
      SELECT *, count(*) OVER (PARTITION BY "key") AS n FROM "ImportKey" WHERE "runId" = ${runId}
    ) k WHERE n > 1 OR "existing" IS NOT NULL ORDER BY "rowNumber", "key"`;
  const sets = new RowSets();
  const labels = new Map<number, string>();
  const existingOf = new Map<number, ExistingRecord>();
  for (const h of hits) {
    sets.add(h.rowNumber, [h.key]);
    labels.set(h.rowNumber, h.label);
    if (h.existing && !existingOf.has(h.rowNumber)) existingOf.set(h.rowNumber, h.existing);
  }
  const members = new Map<number, number[]>();
  for (const r of sets.rows()) {
    const root = sets.root(r);
    const list = members.get(root);
    if (list) list.push(r);
    else members.set(root, [r]);
  }
  const groups: ImportGroup[] = [];
  for (const [root, rows] of members) {
    rows.sort((a, b) => a - b);
    const existing = rows.map((r) => existingOf.get(r)).find(Boolean) ?? null;
    if (rows.length < 2 && !existing) continue;
    groups.push({ id: root, rows, label: labels.get(root) ?? "", existing, decision: "skip" });
  }
  return groups.sort((a, b) => a.id - b.id);
}

/**
 * The whole file read once with the chosen mapping: every row validated, duplicates
 * found within the file (shared keys, gathered in ImportKey) and against existing records
 * (batched lookups), grouped; the first rows kept with their problems for the page.
 * Stored on the run, so the page shows them again after a reload; the decisions default
 * to skip.
 */
export async function previewImport<V>(db: Db, who: Actor | null, target: ImportTarget<V>, runId: string, rawMapping: Record<string, unknown>) {
  const { actor, run } = await ownImportRun(db, who, target, runId);
  if (run.status !== "draft" || !run.fileId) throw new AppError("conflict");
  const mapping = cleanMapping(target.fields, run.headers, rawMapping);
  const missing = target.fields.filter((f) => f.required && !(f.key in mapping));
  if (missing.length) throw new AppError("validation", { fieldErrors: Object.fromEntries(missing.map((f) => [f.key, "crmImport.errors.requiredUnmapped"])) });

  // What an earlier, interrupted preview of the run left goes first.
  await db.importKey.deleteMany({ where: { runId: run.id } });
  const preview: PreviewRow[] = [];
  let total = 0;
  let invalid = 0;
  const take = async (chunk: RawRow[]) => {
    const checked: CheckedRow<V>[] = await target.check(db, actor, chunk);
    const valid = checked.filter((c) => c.value !== null);
    const found = await target.findExisting(db, valid.flatMap((c) => c.keys));
    const keys: KeyRow[] = [];
    for (const c of checked) {
      total++;
      if (preview.length < PREVIEW_ROWS) preview.push({ rowNumber: c.rowNumber, raw: c.raw, problems: c.problems, group: null });
      if (!c.value) {
        invalid++;
        continue;
      }
      const label = target.label(c);
      for (const key of c.keys) keys.push({ rowNumber: c.rowNumber, key, label, existing: found.get(key) ?? null });
    }
    await storeKeys(db, run.id, keys);
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

  const groups = await groupsFromKeys(db, run.id);
  const groupOf = new Map(groups.flatMap((g) => g.rows.map((r) => [r, g.id] as const)));
  for (const p of preview) p.group = groupOf.get(p.rowNumber) ?? null;

  await db.$transaction(async (tx) => {
    await tx.importKey.deleteMany({ where: { runId: run.id } });
    await tx.importRun.update({ where: { id: run.id }, data: { mapping, total, invalid, groups, preview } });
    await writeAudit(tx, actor, { action: "import.preview", entity: "ImportRun", entityId: run.id, after: { mapping, total, invalid, groups: groups.length } });
  });
  return { mapping, total, invalid, groups, preview };
}
