import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalFileStorage } from "./local-file-storage";
import { toBuffer } from "./test-fixtures";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("local file storage", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ff-local-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("puts, reads back, reports existence and deletes", async () => {
    const storage = createLocalFileStorage(dir);
    const bytes = Buffer.from("供应商资质证书 bytes");
    await storage.put("ab/abc-123", Readable.from([bytes]));
    expect(await storage.exists("ab/abc-123")).toBe(true);
    expect(await toBuffer((await storage.get("ab/abc-123"))!)).toEqual(bytes);
    await storage.delete("ab/abc-123");
    expect(await storage.exists("ab/abc-123")).toBe(false);
    expect(await storage.get("ab/abc-123")).toBeNull();
    await expect(storage.delete("ab/abc-123")).resolves.toBeUndefined();
  });

  it("never lets a key leave the folder", async () => {
    const storage = createLocalFileStorage(dir);
    for (const key of ["../x", "ab/../../x", "/etc/passwd", "..", ".partial/x", "ab\\..\\x", "", "ab//x", "ab/.hidden", "%2e%2e/x"]) {
      await expect(storage.put(key, Readable.from([Buffer.from("x")])), key).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/invalid storage key/);
      await expect(storage.exists(key), key).rejects.toThrow(/invalid storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/invalid storage key/);
    }
    expect(await filesUnder(dir)).toEqual([]);
  });

  it("leaves nothing behind when the stream fails part-way", async () => {
    const storage = createLocalFileStorage(dir);
    async function* failing() {
      yield Buffer.alloc(100_000, 1);
      throw new Error("client went away");
    }
    await expect(storage.put("cd/broken", Readable.from(failing()))).rejects.toThrow("client went away");
    expect(await storage.exists("cd/broken")).toBe(false);
    expect(await filesUnder(dir)).toEqual([]);
  });
});
