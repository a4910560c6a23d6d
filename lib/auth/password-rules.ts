/**
 * What a password a person picks for themselves must be. Pure (no hashing here): the
 * use-case checks it, the page lists the same rules. Each broken rule is a message key
 * of the portalAccount area, shown on its field.
 */
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = "tooShort" | "tooLong" | "lettersAndDigits" | "sameAsUsername" | "sameAsCurrent";

export function passwordProblem(password: string, ctx: { username: string; current?: string }): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return "lettersAndDigits";
  if (password.trim().toLowerCase() === ctx.username.trim().toLowerCase()) return "sameAsUsername";
  if (ctx.current !== undefined && password === ctx.current) return "sameAsCurrent";
  return null;
}

/** The field-error code of a broken rule (translated by the form's error mapping). */
export function passwordProblemCode(problem: PasswordProblem): string {
  return `portalAccount.rules.${problem}?min=${MIN_PASSWORD_LENGTH}&max=${MAX_PASSWORD_LENGTH}`;
}
