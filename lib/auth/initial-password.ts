import "server-only";
import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/l/I): the buyer reads it out or types it into a letter.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A 12-character initial password with a digit and both cases: shown once to the person
 * who hands it over, stored only as a hash, and replaced by its holder at first sign-in
 * (the account is marked mustChangePassword wherever one is issued).
 */
export function initialPassword(): string {
  for (;;) {
    const p = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    if (/\d/.test(p) && /[a-z]/.test(p) && /[A-Z]/.test(p)) return p;
  }
}
