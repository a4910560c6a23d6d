import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromStream } from "file-type";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { logger } from "../log/logger";
import { toFileInfo, type FileInfo } from "./file-info";
import type { FileStorage } from "./file-storage";
import { uploadTarget, type UploadTarget } from "./files.schema";
import { UploadMeter, splitHead, toNodeReadable, type UploadBody } from "./metered-upload-stream";
import { ownerAccessFor } from "./owner-access";
import { sanitizeFileName } from "./sanitize-file-name";
import { LegacyTextCheck, Utf8TextCheck, ZIP_MIME, allowedContainerType, sniffFileType, type SniffedType } from "./sniff-file-type";
import { getFileStorage } from "./storage-from-env";
import { containerTypeFromNames, streamTail, zipEntryNames } from "./zip-directory";
import { readMaxUploadBytes } from "./upload-limit";
import { parseInput } from "../errors/parse-input";

/** Enough for file-type to recognise every allowed format (OOXML when [Content_Types].xml comes early). */
const HEAD_BYTES = 64 * 1024;

export type UploadInput = UploadTarget & { body: UploadBody };
export type UploadDeps = { storage?: FileStorage; maxBytes?: number };

async function authorise(db: Db, actor: Actor | null, raw: UploadTarget) {
  if (!actor) throw new AppError("unauthenticated");
  const target = parseInput(uploadTarget, raw);
  const access = ownerAccessFor(target.ownerType);
  if (!access || !(await access.canWrite(actor, target.ownerId, db))) throw new AppError("forbidden");
  return { actor, target, access };
}

async function discard(storage: FileStorage, key: string) {
  await storage.delete(key).catch((err) => logger.error({ err, key }, "could not delete a stored object after a failed upload"));
}

/** A ZIP whose head was not conclusive: decide on the stored whole. */
async function verifyContainer(storage: FileStorage, key: string): Promise<SniffedType | null> {
  const stream = await storage.get(key);
  if (!stream) return null;
  try {
    // As a web stream: both of file-type's entry points (node and default) accept that.
    const found = allowedContainerType((await fileTypeFromStream(Readable.toWeb(stream) as ReadableStream<Uint8Array>).catch(() => undefined))?.mime);
    if (found) return found;
  } finally {
    stream.destroy();
  }
  // file-type gives up on a part over 1 MiB written with a data descriptor: the central directory decides.
  const again = await storage.get(key);
  if (!again) return null;
  try {
    return containerTypeFromNames(zipEntryNames(await streamTail(again)));
  } finally {
    again.destroy();
  }
}

/**
 * Stores an attachment of a record: authorised against that record, size limited
 * while streaming, typed by content. The object is written first (no network call
 * inside the transaction); the file row and its audit row commit together, and if
 * they do not, the object is removed again.
 */
export async function uploadFile(db: Db, who: Actor | null, input: UploadInput, deps: UploadDeps = {}): Promise<FileInfo> {
  const source = toNodeReadable(input.body);
  const meter = new UploadMeter(deps.maxBytes ?? readMaxUploadBytes());
  // Reading stops at the first refusal: the source is destroyed, not drained.
  const chunks = meter.pass(source);
  let accepted;
  try {
    accepted = await authorise(db, who, input);
  } catch (e) {
    source.destroy();
    throw e;
  }
  const { actor, target, access } = accepted;
  const storage = deps.storage ?? getFileStorage();

  const { head, complete, body } = await splitHead(chunks, HEAD_BYTES);
  let sniffed: SniffedType | null;
  try {
    if (head.length === 0) throw new AppError("file_empty");
    const check = access.legacyText ? new LegacyTextCheck() : new Utf8TextCheck();
    sniffed = await sniffFileType(head, { fileName: target.fileName, complete }, check);
    if (!sniffed) throw new AppError("file_type_not_allowed");
    if (sniffed.text) meter.expectText(check);
  } catch (e) {
    body.destroy();
    throw e;
  }

  const storageKey = `${randomUUID().slice(0, 2)}/${randomUUID()}`;
  try {
    await storage.put(storageKey, body);
    if (sniffed.mime === ZIP_MIME) sniffed = await verifyContainer(storage, storageKey);
    if (!sniffed) throw new AppError("file_type_not_allowed");
  } catch (e) {
    await discard(storage, storageKey);
    throw e;
  }

  const type = sniffed;
  const name = sanitizeFileName(target.fileName, type.ext);
  try {
    const supplierId = await access.supplierIdOf(target.ownerId, db);
    const row = await db.$transaction(async (tx) => {
      const created = await tx.storedFile.create({
        data: {
          storageKey,
          name,
          contentType: type.mime,
          size: meter.bytes,
          sha256: meter.sha256,
          ownerType: target.ownerType,
          ownerId: target.ownerId,
          supplierId,
          uploadedBy: actor.id ?? "system",
          uploadRealm: actor.realm,
        },
      });
      await writeAudit(tx, actor, { action: "file.upload", entity: "StoredFile", entityId: created.id, after: toFileInfo(created) });
      return created;
    });
    return toFileInfo(row);
  } catch (e) {
    await discard(storage, storageKey);
    throw e;
  }
}
