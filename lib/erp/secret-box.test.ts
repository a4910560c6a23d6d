import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, secretKey } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips, with a fresh IV each time", () => {
    const a = encryptSecret("s3cret-密码", key);
    const b = encryptSecret("s3cret-密码", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(decryptSecret(a, key)).toBe("s3cret-密码");
  });

  it("refuses a tampered ciphertext or another key", () => {
    const sealed = encryptSecret("password", key);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] ^= 1;
    expect(() => decryptSecret("v1:" + raw.toString("base64url"), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    expect(() => decryptSecret("plain", key)).toThrow(/format/);
  });

  it("takes ERP_SECRET_KEY, else derives a stable key from the session secret", () => {
    const raw = randomBytes(32);
    expect(secretKey({ ERP_SECRET_KEY: raw.toString("base64url") }).equals(raw)).toBe(true);
    const fromPhrase = secretKey({ ERP_SECRET_KEY: "a passphrase" });
    expect(fromPhrase).toHaveLength(32);
    const d1 = secretKey({ NEXTAUTH_SECRET: "abc" });
    expect(d1.equals(secretKey({ NEXTAUTH_SECRET: "abc" }))).toBe(true);
    expect(d1.equals(secretKey({ NEXTAUTH_SECRET: "abd" }))).toBe(false);
    expect(d1.equals(Buffer.from("abc"))).toBe(false);
  });
});
