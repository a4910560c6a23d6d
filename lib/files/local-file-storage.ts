import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, type FileStorage } from "./file-storage";

function isMissing(e: unknown) {
  return (e as NodeJS.ErrnoException)?.code === "ENOENT";
}

/**
 * Files in a local folder. Writes go to a temporary file first and are renamed
 * into place only when complete, so an aborted upload never appears under its key.
 */
export function createLocalFileStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  // Outside the key namespace: keys never start with a dot.
  const partialDir = path.join(root, ".partial");

  function pathOf(key: string) {
    const p = path.resolve(root, assertValidKey(key));
    const rel = path.relative(root, p);
    // Defence in depth: the key check already forbids this.
    if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) throw new Error("storage key escapes the storage folder");
    return p;
  }

  return {
    kind: "local",

    async put(key, body: Readable) {
      let temp: string | undefined;
      try {
        const target = pathOf(key);
        await fs.mkdir(partialDir, { recursive: true });
        await fs.mkdir(path.dirname(target), { recursive: true });
        temp = path.join(partialDir, randomUUID());
        // pipeline destroys the source too when the write fails, and the other way round.
        await pipeline(body, createWriteStream(temp, { flags: "wx" }));
        await fs.rename(temp, target);
      } catch (e) {
        body.destroy();
        if (temp) await fs.rm(temp, { force: true });
        throw e;
      }
    },

    async get(key) {
      try {
        const handle = await fs.open(pathOf(key), "r");
        return handle.createReadStream();
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },

    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },

    async exists(key) {
      try {
        return (await fs.stat(pathOf(key))).isFile();
      } catch (e) {
        if (isMissing(e)) return false;
        throw e;
      }
    },
  };
}
