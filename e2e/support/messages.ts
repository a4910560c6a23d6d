import fs from "node:fs";
import path from "node:path";

export type Locale = "zh-CN" | "en";

const cache = new Map<Locale, Record<string, unknown>>();

/** The same merged messages the app loads (core file plus area files). */
function messages(locale: Locale): Record<string, unknown> {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages");
  const files = fs.readdirSync(dir).filter((f) => f === `${locale}.json` || f.endsWith(`.${locale}.json`));
  const merged = Object.assign({}, ...files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))));
  cache.set(locale, merged);
  return merged;
}

/**
 * A UI string as the app shows it, read from lib/i18n/messages so that the
 * tests follow the translations instead of copies of them. Only simple
 * `{name}` placeholders are filled in.
 */
export function msg(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = messages(locale);
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`e2e: no message "${key}" in ${locale}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** zh-CN is the default language of the app. */
export const zh = (key: string, params?: Record<string, string | number>) => msg("zh-CN", key, params);
export const en = (key: string, params?: Record<string, string | number>) => msg("en", key, params);

/** The text of a message before its first placeholder, for messages with run-time values. */
export function msgPrefix(locale: Locale, key: string): string {
  const text = msg(locale, key);
  const i = text.indexOf("{");
  return (i < 0 ? text : text.slice(0, i)).trim();
}
