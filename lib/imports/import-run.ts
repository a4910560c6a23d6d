import "server-only";
import type { Actor, EmployeeActor } from "../auth/actor";
import { requirePermission, type Permission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { getFileStorage } from "../files/storage-from-env";
import { headerSetKey, type ColumnMapping } from "./guess-mapping";
import type { ImportGroup, PreviewRow, RawRow, TargetInfo } from "./import-target";
import { readTable, type TableFormat } from "./read-table";

/** Who may import: the permission of the target's list (crm.view for customers). */
export const IMPORT_PERMISSION: Permission = "crm.view";

/** A new, empty import of the target by the employee: the file is uploaded to it next (POST /api/files, owner ImportRun). */
export async function createImportRun(db: Db, who: Actor | null, target: TargetInfo) {
  const actor = requirePermission(who, IMPORT_PERMISSION);
  return db.$transaction(async (tx) => {
    const run = await tx.importRun.create({ data: { target: target.name, createdById: actor.id }, select: { id: true } });
    await writeAudit(tx, actor, { action: "import.create", entity: "ImportRun", entityId: run.id, after: { target: target.name } });
    return run;
  });
}

/** The employee's own import of this target, or not_found as if it did not exist. */
export async function ownImportRun(db: Db | Tx, who: Actor | null, target: TargetInfo, runId: string) {
  const actor = requirePermission(who, IMPORT_PERMISSION);
  const run = /^[0-9a-f-]{36}$/i.test(runId) ? await db.importRun.findFirst({ where: { id: runId, createdById: actor.id, target: target.name } }) : null;
  if (!run) throw new AppError("not_found");
  return { actor: actor as EmployeeActor, run };
}

/** The stored file's bytes and its format (xlsx or csv), from the file row's sniffed type. */
export async function openRunFile(db: Db | Tx, fileId: string) {
  const file = await db.storedFile.findUnique({ where: { id: fileId }, select: { storageKey: true, contentType: true, name: true, size: true } });
  if (!file) throw new AppError("not_found");
  const format: TableFormat | null = file.contentType === "text/csv" || file.contentType === "text/plain" ? "csv" : file.contentType.includes("spreadsheetml") ? "xlsx" : null;
  if (!format) throw new AppError("validation", { fieldErrors: { file: "crmImport.errors.fileType" } });
  const stream = await getFileStorage().get(file.storageKey);
  if (!stream) throw new AppError("not_found");
  return { stream, format, file };
}

/** The data rows of a run's file with their cells by field (the header row left out), from `after` on. */
export async function* mappedRows(db: Db | Tx, run: { fileId: string | null }, mapping: ColumnMapping, after = 1): AsyncGenerator<RawRow> {
  if (!run.fileId) throw new AppError("not_found");
  const { stream, format } = await openRunFile(db, run.fileId);
  let header = true;
  try {
    for await (const row of readTable(stream, format)) {
      if (header) {
        header = false;
        continue;
      }
      if (row.number <= after) continue;
      const raw: Record<string, string> = {};
      for (const [key, i] of Object.entries(mapping)) raw[key] = row.cells[i] ?? "";
      yield { rowNumber: row.number, raw };
    }
  } finally {
    stream.destroy();
  }
}

const SHOWN_GROUPS = 100;

/** An import as its page shows it (reloads included): the step it is at, the preview, the progress. */
export async function getImportRun(db: Db, who: Actor | null, target: TargetInfo, runId: string) {
  const { actor, run } = await ownImportRun(db, who, target, runId);
  const groups = run.groups as ImportGroup[];
  const saved = run.headers.length ? await db.importMapping.findUnique({ where: { employeeId_target_headerKey: { employeeId: actor.id, target: target.name, headerKey: headerSetKey(run.headers) } } }) : null;
  return {
    remembered: !!saved && JSON.stringify(saved.mapping) === JSON.stringify(run.mapping),
    id: run.id, target: target.name, status: run.status, fileName: run.fileName, encoding: run.encoding, headers: run.headers, mapping: run.mapping as ColumnMapping,
    total: run.total, invalid: run.invalid, preview: run.preview as PreviewRow[], groupCount: groups.length,
    groups: groups.slice(0, SHOWN_GROUPS).map((g) => ({ ...g, rows: g.rows.slice(0, 10), rowCount: g.rows.length })),
    done: run.done, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed,
  };
}
export type ImportRunView = Awaited<ReturnType<typeof getImportRun>>;

/** The counts the page polls while the job runs. */
export async function importProgress(db: Db, who: Actor | null, target: TargetInfo, runId: string) {
  const { run } = await ownImportRun(db, who, target, runId);
  return { status: run.status, total: run.total, done: run.done, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed };
}
