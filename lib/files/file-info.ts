import "server-only";
import type { StoredFile } from "../db/generated/client";

/** What callers may see of a stored file: never the storage key. */
export type FileInfo = Pick<StoredFile, "id" | "name" | "contentType" | "size" | "sha256" | "ownerType" | "ownerId" | "createdAt">;

export function toFileInfo(f: StoredFile): FileInfo {
  return { id: f.id, name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256, ownerType: f.ownerType, ownerId: f.ownerId, createdAt: f.createdAt };
}
