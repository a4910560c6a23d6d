import { pinyin } from "pinyin-pro";
import { parseCompanyName } from "./company-name";

/**
 * The searchable forms of a customer's name stored beside it: the key the duplicate
 * check compares by trigrams, the trade name and its pinyin, and the pinyin initials of
 * the whole name for a search on a phone ("hlj" finds 恒力精工机械).
 */
export function customerNameFields(name: string) {
  const parsed = parseCompanyName(name);
  const initials = pinyin(name.normalize("NFKC"), { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
  return { nameKey: parsed.key, nameBrand: parsed.brand, namePinyin: parsed.brandPinyin, nameInitials: initials.slice(0, 50) };
}
