import "server-only";
import type { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from "@aws-sdk/client-s3";
import { logger } from "../log/logger";
import { assertValidKey, type FileStorage } from "./file-storage";

export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** S3-compatible servers (MinIO, Ceph, OSS, COS ...); unset for AWS itself. */
  endpoint?: string;
  /** Unset: the SDK's default credential chain (instance role, env, profile). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** The smallest part S3 accepts (except the last); also the most one upload holds in memory. */
export const S3_PART_BYTES = 5 * 1024 * 1024;

type S3Sender = Pick<S3Client, "send">;

export function buildS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    // Many S3-compatible servers reject the SDK's default CRC32 checksum headers;
    // integrity is ours anyway: the upload computes the sha256 of every byte.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

function isNotFound(e: unknown) {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
}

/**
 * S3-compatible object storage. The body is streamed: objects up to one part go
 * up with a single PUT, larger ones as a multipart upload that is aborted when the
 * stream fails, so the key never holds a partial object.
 */
export function createS3FileStorage(config: S3StorageConfig, client: S3Sender = buildS3Client(config)): FileStorage {
  const Bucket = config.bucket;

  async function put(key: string, body: Readable) {
    const Key = assertValidKey(key);
    let uploadId: string | undefined;
    const parts: CompletedPart[] = [];
    let pending: Buffer[] = [];
    let pendingBytes = 0;

    async function flushPart() {
      uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: "application/octet-stream" }))).UploadId;
      const PartNumber = parts.length + 1;
      const Body = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body, ContentLength: Body.length }));
      parts.push({ ETag, PartNumber });
    }

    try {
      for await (const chunk of body) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        pending.push(buf);
        pendingBytes += buf.length;
        if (pendingBytes >= S3_PART_BYTES) await flushPart();
      }
      if (!uploadId) {
        const Body = Buffer.concat(pending);
        await client.send(new PutObjectCommand({ Bucket, Key, Body, ContentLength: Body.length, ContentType: "application/octet-stream" }));
        return;
      }
      if (pendingBytes > 0) await flushPart();
      await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    } catch (e) {
      body.destroy();
      if (uploadId) {
        // Until completed, a multipart upload is invisible under the key; aborting frees its parts.
        await client
          .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
          .catch((err) => logger.warn({ err, key: Key }, "could not abort multipart upload; a bucket lifecycle rule should expire it"));
      }
      throw e;
    }
  }

  return {
    kind: "s3",
    put,

    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: assertValidKey(key) }));
        // In Node the SDK's body is an http.IncomingMessage, a Readable.
        return (out.Body as Readable | undefined) ?? null;
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: assertValidKey(key) }));
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: assertValidKey(key) }));
        return true;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },
  };
}
