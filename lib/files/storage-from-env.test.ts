import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFileStorageConfig } from "./storage-from-env";
import { readMaxUploadBytes } from "./upload-limit";

describe("storage selection from the environment", () => {
  it("uses a local folder by default", () => {
    expect(readFileStorageConfig({})).toEqual({ kind: "local", dir: path.join(process.cwd(), ".data", "files") });
    expect(readFileStorageConfig({ FILE_STORAGE_DIR: "/srv/files" })).toEqual({ kind: "local", dir: "/srv/files" });
  });

  it("uses S3 when a bucket is configured, path-style by default for a custom endpoint", () => {
    expect(
      readFileStorageConfig({ S3_BUCKET: "docs", S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }),
    ).toEqual({ kind: "s3", bucket: "docs", endpoint: "http://minio:9000", region: "us-east-1", accessKeyId: "k", secretAccessKey: "s", forcePathStyle: true });
    expect(readFileStorageConfig({ S3_BUCKET: "docs", S3_REGION: "cn-north-1" })).toMatchObject({ region: "cn-north-1", forcePathStyle: false, endpoint: undefined });
    expect(readFileStorageConfig({ S3_BUCKET: "docs", S3_ENDPOINT: "https://oss.example", S3_FORCE_PATH_STYLE: "false" })).toMatchObject({ forcePathStyle: false });
  });

  it("refuses half a credential pair and a bad path-style flag", () => {
    expect(() => readFileStorageConfig({ S3_BUCKET: "docs", S3_ACCESS_KEY_ID: "k" })).toThrow(/both/);
    expect(() => readFileStorageConfig({ S3_BUCKET: "docs", S3_FORCE_PATH_STYLE: "maybe" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });

  it("reads MAX_UPLOAD_MB (default 20) and refuses nonsense", () => {
    expect(readMaxUploadBytes({})).toBe(20 * 1024 * 1024);
    expect(readMaxUploadBytes({ MAX_UPLOAD_MB: "5" })).toBe(5 * 1024 * 1024);
    expect(() => readMaxUploadBytes({ MAX_UPLOAD_MB: "-1" })).toThrow();
    expect(() => readMaxUploadBytes({ MAX_UPLOAD_MB: "lots" })).toThrow();
  });
});
