import "server-only";
import type { Readable } from "node:stream";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { logger } from "../log/logger";
import { toFileInfo, type FileInfo } from "./file-info";
import type { FileStorage } from "./file-storage";
import { fileId } from "./files.schema";
import { ownerAccessFor } from "./owner-access";
import { getFileStorage } from "./storage-from-env";

/**
 * A file's metadata and bytes, authorised against the record the file row names
 * as its owner (never against anything the request says). Any refusal is
 * not_found, so nobody learns that a file they may not see exists.
 */
export async function openFileDownload(
  db: Db,
  actor: Actor | null,
  id: string,
  deps: { storage?: FileStorage } = {},
): Promise<{ file: FileInfo; stream: Readable }> {
  if (!actor) throw new AppError("unauthenticated");
  if (!fileId.safeParse(id).success) throw new AppError("not_found");
  const row = await db.storedFile.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found");
  const access = ownerAccessFor(row.ownerType);
  if (!access || !(await access.canRead(actor, row.ownerId, db))) throw new AppError("not_found");
  const stream = await (deps.storage ?? getFileStorage()).get(row.storageKey);
  if (!stream) {
    logger.error({ fileId: row.id, storageKey: row.storageKey }, "stored file row without an object in storage");
    throw new AppError("not_found");
  }
  return { file: toFileInfo(row), stream };
}
