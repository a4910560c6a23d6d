/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * 0-9 and the capitals without I, O, Z, S, V; the last is a check character over the
 * first 17 (weights 3^i mod 31). People type it with spaces, dashes, lower case or
 * full-width characters: those are forgiven, a wrong check character is not.
 */
const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The code as stored: NFKC, no spaces or dashes, upper case. */
export function normaliseCreditCode(input: string): string {
  return input.normalize("NFKC").replace(/[\s-]+/g, "").toUpperCase();
}

/** The check character for the first 17 characters, or null when one of them is not allowed. */
export function creditCodeCheck(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARS[(31 - (sum % 31)) % 31];
}

/** Why a code is refused, or null when it is a valid code. */
export function creditCodeProblem(input: string): "length" | "characters" | "checksum" | null {
  const code = normaliseCreditCode(input);
  if (code.length !== 18) return "length";
  if (![...code].every((c) => CHARS.includes(c))) return "characters";
  return creditCodeCheck(code.slice(0, 17)) === code[17] ? null : "checksum";
}
