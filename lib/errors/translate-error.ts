import { isAppError } from "./app-error";

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

/**
 * One field's message: a message key, optionally with its own values after "?"
 * ("validation.too_short?min=5"), over the error's shared params.
 */
export function fieldMessage(t: Translate, code: string, params?: Record<string, string | number>): string {
  const [key, query] = code.split("?", 2);
  if (!t.has(key)) return t("validation.custom");
  const own = query ? Object.fromEntries(new URLSearchParams(query)) : {};
  return t(key, { ...params, ...own });
}

export type TranslatedError = { code: string; message: string; fieldErrors?: Record<string, string> };

/**
 * Expected errors become their translated message (errors.<code>) and per-field
 * messages (validation.<code>); anything else becomes the generic message.
 * Returns `expected: false` so the caller logs the original.
 */
export function translateError(e: unknown, t: Translate): TranslatedError & { expected: boolean } {
  if (!isAppError(e)) return { code: "internal", message: t("errors.internal"), expected: false };
  const fieldErrors = Object.fromEntries(
    Object.entries(e.fieldErrors).map(([field, code]) => [field, fieldMessage(t, code, e.params)]),
  );
  return { code: e.code, message: t(`errors.${e.code}`, e.params), fieldErrors, expected: true };
}
