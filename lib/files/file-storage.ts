import "server-only";
import type { Readable } from "node:stream";

/**
 * Where attachment bytes live. Keys are chosen by the server (never by a user),
 * but every backend still refuses a key that could leave its namespace.
 */
export interface FileStorage {
  readonly kind: "local" | "s3";
  /**
   * Stores the stream under the key. If the stream fails (size limit, client gone),
   * nothing is left under the key and the stream's error is rethrown.
   */
  put(key: string, body: Readable): Promise<void>;
  /** The bytes, or null when no object is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

// Server keys look like "ab/<uuid>". Every segment starts with a letter or digit, so
// "." and "..", absolute paths, backslashes and hidden names can never match.
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function assertValidKey(key: string): string {
  if (key.length > 512 || !KEY.test(key)) {
    throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
  }
  return key;
}
