import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmployeeActor } from "@/lib/auth/load-actor";
import { seedDemo } from "@/lib/demo/seed";
import { freshDb } from "@/test/db";
import { openFileDownload } from "./open-file-download";
import { S3_PART_BYTES, buildS3Client, createS3FileStorage, type S3StorageConfig } from "./s3-file-storage";
import { PDF_SMALL, generatedStream, toBuffer } from "./test-fixtures";
import { uploadFile } from "./upload-file";

// An S3-compatible server in-process (devDependency, no types of its own).
type S3rverServer = { run(): Promise<{ port: number }>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as new (opts: Record<string, unknown>) => S3rverServer;

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("S3 storage against a local S3-compatible server (s3rver)", () => {
  let server: S3rverServer;
  let dir: string;
  let config: S3StorageConfig;
  let client: S3Client;
  const requests: { hostname: string; path: string }[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, configureBuckets: [{ name: "attachments" }] });
    const { port } = await server.run();
    config = { bucket: "attachments", endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true };
    client = buildS3Client(config);
    client.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { hostname: string; path: string };
        requests.push({ hostname: req.hostname, path: req.path });
        return next(args);
      },
      { step: "finalizeRequest" },
    );
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  // s3rver answers bucket listings with a signature error, so read its folder: one "<key>._S3rver_object" per object.
  const keys = async () => {
    const entries = await fs.readdir(path.join(dir, "attachments"), { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith("._S3rver_object"))
      .map((e) => path.relative(path.join(dir, "attachments"), path.join(e.parentPath, e.name)).replace(/\._S3rver_object$/, ""));
  };

  it("puts, reads back, reports and deletes an object, addressing the bucket path-style", async () => {
    const storage = createS3FileStorage(config, client);
    const bytes = Buffer.from("质量证书 ISO 9001");
    await storage.put("ab/small-1", Readable.from([bytes]));
    expect(await storage.exists("ab/small-1")).toBe(true);
    expect((await toBuffer((await storage.get("ab/small-1"))!)).equals(bytes)).toBe(true);
    await storage.delete("ab/small-1");
    expect(await storage.exists("ab/small-1")).toBe(false);
    expect(await storage.get("ab/small-1")).toBeNull();
    await expect(storage.delete("ab/small-1")).resolves.toBeUndefined();
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.hostname).toBe("127.0.0.1");
      expect(r.path.startsWith("/attachments/")).toBe(true);
    }
  });

  it("streams a large object as a multipart upload and reads it back intact", async () => {
    const storage = createS3FileStorage(config, client);
    const total = S3_PART_BYTES + 1_234_567;
    const gen = generatedStream(total, { fill: 0x5a, head: Buffer.from("head") });
    await storage.put("cd/large-1", gen.stream);
    const back = await toBuffer((await storage.get("cd/large-1"))!);
    expect(back.length).toBe(total);
    expect(sha256(back)).toBe(sha256(Buffer.concat([Buffer.from("head"), Buffer.alloc(total - 4, 0x5a)])));
    await storage.delete("cd/large-1");
  });

  it("leaves no object when the stream fails after the first part", async () => {
    const storage = createS3FileStorage(config, client);
    async function* failing() {
      yield Buffer.alloc(S3_PART_BYTES + 10, 1);
      yield Buffer.alloc(1000, 2);
      throw new Error("client went away");
    }
    await expect(storage.put("ef/broken", Readable.from(failing()))).rejects.toThrow("client went away");
    expect(await storage.exists("ef/broken")).toBe(false);
    expect(await keys()).not.toContain("ef/broken");
  });

  it("runs the upload and download use-cases on S3, and an oversized upload leaves nothing", async () => {
    const opened = await freshDb("pglite");
    try {
      await seedDemo(opened.db);
      const lina = (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username: "lina" } })).id, opened.db))!;
      const s001 = (await opened.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
      const storage = createS3FileStorage(config, client);
      const before = await keys();
      const file = await uploadFile(opened.db, lina, { ownerType: "Supplier", ownerId: s001, fileName: "营业执照.pdf", body: Readable.from([PDF_SMALL]) }, { storage });
      const { stream } = await openFileDownload(opened.db, lina, file.id, { storage });
      expect(sha256(await toBuffer(stream))).toBe(file.sha256);
      expect((await keys()).length).toBe(before.length + 1);

      const big = generatedStream(40 * 1024 * 1024, { head: PDF_SMALL.subarray(0, 9) });
      await expect(
        uploadFile(opened.db, lina, { ownerType: "Supplier", ownerId: s001, fileName: "huge.pdf", body: big.stream }, { storage, maxBytes: S3_PART_BYTES + 100_000 }),
      ).rejects.toMatchObject({ code: "file_too_large" });
      expect(big.produced()).toBeLessThan(S3_PART_BYTES + 1024 * 1024);
      expect((await keys()).length).toBe(before.length + 1);
      expect(await opened.db.storedFile.count()).toBe(1);
    } finally {
      await opened.close();
    }
  });
});

describe("S3 storage commands", () => {
  type Sent = { name: string; input: Record<string, unknown> };
  function fakeClient(fail?: (name: string) => Error | undefined) {
    const sent: Sent[] = [];
    const client = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        const name = command.constructor.name;
        sent.push({ name, input: command.input });
        const err = fail?.(name);
        if (err) throw err;
        if (name === "CreateMultipartUploadCommand") return { UploadId: "up-1" };
        if (name === "UploadPartCommand") return { ETag: `"etag-${command.input.PartNumber}"` };
        return {};
      },
    } as unknown as Pick<S3Client, "send">;
    return { client, sent };
  }
  const config: S3StorageConfig = { bucket: "b", region: "us-east-1", forcePathStyle: true };

  it("sends a single PUT with the length for a small object", async () => {
    const { client, sent } = fakeClient();
    await createS3FileStorage(config, client).put("ab/k1", Readable.from([Buffer.from("abc"), Buffer.from("de")]));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ name: "PutObjectCommand", input: { Bucket: "b", Key: "ab/k1", ContentLength: 5 } });
  });

  it("sends parts of at least the minimum size and completes them in order", async () => {
    const { client, sent } = fakeClient();
    await createS3FileStorage(config, client).put("ab/k2", generatedStream(2 * S3_PART_BYTES + 7, { chunk: 1024 * 1024 }).stream);
    expect(sent.map((s) => s.name)).toEqual(["CreateMultipartUploadCommand", "UploadPartCommand", "UploadPartCommand", "UploadPartCommand", "CompleteMultipartUploadCommand"]);
    expect(sent.slice(1, 4).map((s) => s.input.ContentLength)).toEqual([S3_PART_BYTES, S3_PART_BYTES, 7]);
    expect(sent[4].input).toMatchObject({ Bucket: "b", Key: "ab/k2", UploadId: "up-1", MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"etag-1"' }, { PartNumber: 2, ETag: '"etag-2"' }, { PartNumber: 3, ETag: '"etag-3"' }] } });
  });

  it("aborts the multipart upload when the stream fails", async () => {
    const { client, sent } = fakeClient();
    async function* failing() {
      yield Buffer.alloc(S3_PART_BYTES, 1);
      throw new Error("too large");
    }
    await expect(createS3FileStorage(config, client).put("ab/k3", Readable.from(failing()))).rejects.toThrow("too large");
    expect(sent.map((s) => s.name)).toEqual(["CreateMultipartUploadCommand", "UploadPartCommand", "AbortMultipartUploadCommand"]);
    expect(sent[2].input).toMatchObject({ Bucket: "b", Key: "ab/k3", UploadId: "up-1" });
  });

  it("maps a missing object to null / false and refuses bad keys before sending anything", async () => {
    const notFound = Object.assign(new Error("nope"), { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } });
    const { client, sent } = fakeClient(() => notFound);
    const storage = createS3FileStorage(config, client);
    expect(await storage.get("ab/missing")).toBeNull();
    expect(await storage.exists("ab/missing")).toBe(false);
    expect(sent.map((s) => s.name)).toEqual(["GetObjectCommand", "HeadObjectCommand"]);
    await expect(storage.get("../etc/passwd")).rejects.toThrow(/invalid storage key/);
    await expect(storage.put("/abs", Readable.from([Buffer.from("x")]))).rejects.toThrow(/invalid storage key/);
    expect(sent).toHaveLength(2);
  });

  it("builds a path-style client for a custom endpoint", async () => {
    const c = buildS3Client({ ...config, endpoint: "http://127.0.0.1:9000", accessKeyId: "k", secretAccessKey: "s" });
    expect(c.config.forcePathStyle).toBe(true);
    expect(await c.config.region()).toBe("us-east-1");
    expect(await c.config.credentials()).toMatchObject({ accessKeyId: "k", secretAccessKey: "s" });
  });
});
