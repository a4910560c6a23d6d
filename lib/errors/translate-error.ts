import { isAppError } from "./app-error";

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

export type TranslatedError = { code: string; message: string; fieldErrors?: Record<string, string> };

/**
 * Expected errors become their translated message (errors.<code>) and per-field
 * messages (validation.<code>); anything else becomes the generic message.
 * Returns `expected: false` so the caller logs the original.
 */
export function translateError(e: unknown, t: Translate): TranslatedError & { expected: boolean } {
  if (!isAppError(e)) return { code: "internal", message: t("errors.internal"), expected: false };
  const fieldErrors = Object.fromEntries(
    Object.entries(e.fieldErrors).map(([field, code]) => [field, t.has(code) ? t(code, e.params) : t("validation.custom")]),
  );
  return { code: e.code, message: t(`errors.${e.code}`, e.params), fieldErrors, expected: true };
}
