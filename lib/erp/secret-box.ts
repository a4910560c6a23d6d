import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Format: "v1:" + base64url(iv[12] | tag[16] | ciphertext). The version prefix lets a
// later key rotation tell old ciphertexts apart.
const PREFIX = "v1:";

/**
 * The 32-byte key: ERP_SECRET_KEY (base64/base64url of 32 bytes, or any passphrase,
 * stretched with HKDF), else derived from the session secret the app already keeps
 * (NEXTAUTH_SECRET, or .data/auth-secret that `npm start` creates), so that an
 * installation needs no extra configuration and a copied database alone reveals nothing.
 */
export function secretKey(env: Record<string, string | undefined> = process.env): Buffer {
  const explicit = env.ERP_SECRET_KEY?.trim();
  if (explicit) {
    const raw = Buffer.from(explicit, "base64url");
    if (raw.length === 32) return raw;
    return derive(explicit, "factory-flow erp key");
  }
  const base = env.NEXTAUTH_SECRET?.trim() || readAuthSecretFile();
  if (!base) throw new Error("no ERP_SECRET_KEY and no NEXTAUTH_SECRET / .data/auth-secret to derive it from");
  return derive(base, "factory-flow erp password");
}

function derive(material: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(material, "utf8"), Buffer.from("factory-flow", "utf8"), Buffer.from(info, "utf8"), 32));
}

function readAuthSecretFile(): string | null {
  try {
    return fs.readFileSync(path.join(process.cwd(), ".data", "auth-secret"), "utf8").trim() || null;
  } catch {
    return null;
  }
}

export function encryptSecret(plaintext: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Throws when the ciphertext was altered or made with another key. */
export function decryptSecret(sealed: string, key: Buffer = secretKey()): string {
  if (!sealed.startsWith(PREFIX)) throw new Error("unknown secret format");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  if (raw.length < 28) throw new Error("secret too short");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
