import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { guessMapping, headerSetKey, type ColumnMapping } from "./guess-mapping";
import type { TargetInfo } from "./import-target";
import { openRunFile, ownImportRun } from "./import-run";
import { readTable } from "./read-table";
import type { TextEncoding } from "./decode-csv";

/** The file's first row (its headers) and, for a CSV, its encoding; the stream is left after that row. */
async function readHeaders(db: Db, fileId: string) {
  const { stream, format, file } = await openRunFile(db, fileId);
  let encoding: TextEncoding | null = null;
  try {
    for await (const row of readTable(stream, format, (e) => (encoding = e))) return { headers: row.cells, format, encoding, fileName: file.name };
    return { headers: [], format, encoding, fileName: file.name };
  } finally {
    stream.destroy();
  }
}

/**
 * The uploaded file becomes the import's: its headers are read (a CSV's encoding
 * detected on the way) and the columns mapped as this user mapped the same headers last
 * time, or else guessed from the header names.
 */
export async function prepareImport(db: Db, who: Actor | null, target: TargetInfo, runId: string, fileId: string) {
  const { actor, run } = await ownImportRun(db, who, target, runId);
  if (run.status !== "draft") throw new AppError("conflict");
  const file = await db.storedFile.findFirst({ where: { id: fileId, ownerType: "ImportRun", ownerId: run.id }, select: { id: true } });
  if (!file) throw new AppError("not_found");
  // A file that is not what its type says (a broken workbook, a ZIP named .xlsx) is the user's to fix, not a server error.
  const read = await readHeaders(db, file.id).catch((e: unknown) => {
    throw isAppError(e) ? e : new AppError("validation", { fieldErrors: { file: "crmImport.errors.unreadable" }, cause: e });
  });
  const headers = read.headers.map((h, i) => h || `#${i + 1}`);
  if (!read.headers.some(Boolean)) throw new AppError("validation", { fieldErrors: { file: "crmImport.errors.noHeader" } });
  const saved = await db.importMapping.findUnique({ where: { employeeId_target_headerKey: { employeeId: actor.id, target: target.name, headerKey: headerSetKey(headers) } } });
  const mapping = (saved?.mapping as ColumnMapping | undefined) ?? guessMapping(target.fields, headers);
  await db.$transaction(async (tx) => {
    await tx.importRun.update({ where: { id: run.id }, data: { fileId: file.id, fileName: read.fileName, format: read.format, encoding: read.encoding, headers, mapping, groups: [], preview: [], total: 0, invalid: 0 } });
    await writeAudit(tx, actor, { action: "import.prepare", entity: "ImportRun", entityId: run.id, after: { fileName: read.fileName, format: read.format, encoding: read.encoding, headers } });
  });
  return { headers, mapping, remembered: !!saved, encoding: read.encoding, format: read.format };
}
