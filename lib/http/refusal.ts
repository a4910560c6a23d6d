import en from "../i18n/messages/en.json";
import zhCN from "../i18n/messages/zh-CN.json";
import { toLocale } from "../i18n/locales";

export type RefusalCode = "forbidden" | "request_too_large" | "validation";

const ERRORS = { en: en.errors, "zh-CN": zhCN.errors } as const;

/**
 * The answer for a request refused before the app runs (proxy.ts), in the shape and
 * language of the app's own API errors: { error: { code, message } }, NEXT_LOCALE
 * picking the language.
 */
export function refusal(status: number, code: RefusalCode, localeCookie: string | undefined): Response {
  const message = ERRORS[toLocale(localeCookie)][code];
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}
