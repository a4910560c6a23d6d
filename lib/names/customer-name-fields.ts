import { pinyin } from "pinyin-pro";
import { parseCompanyName } from "./company-name";

/**
 * The searchable forms of a customer's name stored beside it: the key the duplicate
 * check compares by trigrams, the trade name and its pinyin, and the pinyin initials of
 * the whole name for a search on a phone ("hlj" finds 恒力精工机械).
 */
export function customerNameFields(name: string) {
  const parsed = parseCompanyName(name);
  const first = (s: string) => pinyin(s.normalize("NFKC"), { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
  const whole = first(name);
  // The whole name's context can mislead the polyphone guess (东莞市长盈: 市长 reads as "mayor",
  // zhang); the name without region and legal form read alone (长盈精密技术: cyjmjs) is kept too.
  const core = parsed.key ? first(parsed.key) : "";
  const initials = core && !whole.includes(core) ? `${whole} ${core}` : whole;
  return { nameKey: parsed.key, nameBrand: parsed.brand, namePinyin: parsed.brandPinyin, nameInitials: initials.slice(0, 50) };
}
