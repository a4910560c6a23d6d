import "server-only";
import path from "node:path";
import type { FileStorage } from "./file-storage";
import { createLocalFileStorage } from "./local-file-storage";
import { createS3FileStorage, type S3StorageConfig } from "./s3-file-storage";

export type FileStorageConfig = { kind: "local"; dir: string } | ({ kind: "s3" } & S3StorageConfig);

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  if (/^(1|true|yes|on)$/i.test(v.trim())) return true;
  if (/^(0|false|no|off)$/i.test(v.trim())) return false;
  throw new Error(`S3_FORCE_PATH_STYLE must be true or false, not ${JSON.stringify(v)}`);
}

/**
 * The one place that chooses the backend: S3_BUCKET selects S3-compatible storage,
 * otherwise a local folder (FILE_STORAGE_DIR, default <cwd>/.data/files).
 */
export function readFileStorageConfig(env: Readonly<Record<string, string | undefined>> = process.env): FileStorageConfig {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return { kind: "local", dir: env.FILE_STORAGE_DIR?.trim() || path.join(process.cwd(), ".data", "files") };
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if (!accessKeyId !== !secretAccessKey) throw new Error("set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither");
  return {
    kind: "s3",
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || "us-east-1",
    accessKeyId,
    secretAccessKey,
    // Self-hosted servers (MinIO and the like) usually need path-style addressing.
    forcePathStyle: flag(env.S3_FORCE_PATH_STYLE) ?? Boolean(endpoint),
  };
}

function createFileStorage(config: FileStorageConfig): FileStorage {
  if (config.kind === "local") return createLocalFileStorage(config.dir);
  const { kind: _kind, ...s3 } = config;
  return createS3FileStorage(s3);
}

const g = globalThis as { __fileStorage?: FileStorage };

/** The process-wide storage, built from the environment on first use. */
export function getFileStorage(): FileStorage {
  g.__fileStorage ??= createFileStorage(readFileStorageConfig());
  return g.__fileStorage;
}
