import { pinyin } from "pinyin-pro";
import { CITY_WORDS, LATIN_LEGAL_FORMS, LATIN_REGION_EXTRA, LATIN_TRADE_WORDS, LEGAL_FORMS, QUALIFYING_TRADES, REGION_WORDS, TRADE_WORDS } from "./company-name-words";

/**
 * A company name taken apart the way Chinese names are built: region (苏州, 江苏省),
 * trade name (字号, the part that identifies the company), trades (机械, 精工) and legal
 * form (有限公司), whichever order and brackets they come in ("恒力精工（苏州）有限公司").
 * English and pinyin names are taken apart the same way ("Hengli Precision (Suzhou) Co., Ltd.").
 */
export type CompanyName = {
  /** The name without region, legal form, brackets, punctuation and spaces, lower case: what is stored and searched (trigrams). */
  key: string;
  /** The trade name (字号); for English names its first word. */
  brand: string;
  /** The trade name in toneless pinyin ("hengli"), for Chinese-English and homophone matches. */
  brandPinyin: string;
  /** Trades, as Chinese keys (English words mapped: machinery -> 机械). */
  trades: string[];
  regions: string[];
  latin: boolean;
};

const CJK = /[\u3400-\u9fff]/;
const PUNCT = /[\s()[\]{}<>（）【】［］《》〈〉「」『』〔〕,，.。、;；:：'"‘’“”`·・&＆+\-_/\\|!！?？@#*~^%$]+/g;
const BRACKETED = /[（(【[［〔]([^）)】\]］〕]*)[）)】\]］〕]/g;
const toPinyin = (s: string) => pinyin(s, { toneType: "none", type: "array", nonZh: "consecutive" }).join("").toLowerCase();

/** Pinyin of every region word ("suzhou", "jiangsu"), for English names. */
const LATIN_REGIONS = new Set([...REGION_WORDS.map((w) => toPinyin(w.replace(/(省|市|区|县|自治区)$/, ""))), ...LATIN_REGION_EXTRA]);
const LATIN_LEGAL = new Set(LATIN_LEGAL_FORMS);
const LATIN_CITIES = new Set([...CITY_WORDS].map((w) => toPinyin(w.replace(/市$/, ""))));

/** The city a name gives, if any (苏州 for 江苏省苏州市..., suzhou for Suzhou ...). */
const cityOf = (n: CompanyName) => n.regions.map((r) => r.replace(/市$/, "")).find((r) => CITY_WORDS.has(r) || LATIN_CITIES.has(r)) ?? null;

/** A word list by its first and by its last character, each bucket in the list's order (longest first). */
type WordIndex = { first: Map<string, string[]>; last: Map<string, string[]> };
const indexes = new WeakMap<readonly string[], WordIndex>();

function indexOf(words: readonly string[]): WordIndex {
  let index = indexes.get(words);
  if (!index) {
    index = { first: new Map(), last: new Map() };
    for (const w of words) {
      if (!w) continue;
      for (const [map, ch] of [[index.first, w[0]], [index.last, w[w.length - 1]]] as const) {
        const bucket = map.get(ch);
        if (bucket) bucket.push(w);
        else map.set(ch, [w]);
      }
    }
    indexes.set(words, index);
  }
  return index;
}

/**
 * Removes words of the list from the start (or the end) of `s`, longest first, while
 * something of at least `keep` characters remains; returns what is left and the words
 * removed, in order. Only the words sharing the first (or last) character are tried.
 */
function strip(s: string, words: readonly string[], keep: number, from: "start" | "end"): [string, string[]] {
  const index = indexOf(words);
  const removed: string[] = [];
  for (let w = nextWord(); w; w = nextWord()) {
    if (from === "start") {
      removed.push(w);
      s = s.slice(w.length);
    } else {
      removed.unshift(w);
      s = s.slice(0, -w.length);
    }
  }
  return [s, removed];

  function nextWord() {
    if (!s) return undefined;
    const bucket = from === "start" ? index.first.get(s[0]) : index.last.get(s[s.length - 1]);
    return bucket?.find((w) => (from === "start" ? s.startsWith(w) : s.endsWith(w)) && s.length - w.length >= keep);
  }
}

const stripPrefixes = (s: string, words: readonly string[], keep: number) => strip(s, words, keep, "start");
const stripSuffixes = (s: string, words: readonly string[], keep: number) => strip(s, words, keep, "end");

function parseChinese(text: string): CompanyName {
  const regions: string[] = [];
  // Bracketed parts are a region ((苏州)), a legal or group word ((集团), (中国)) or part of the name.
  const unbracketed = text.replace(BRACKETED, (_, inner: string) => {
    const word = inner.replace(PUNCT, "");
    if (REGION_WORDS.includes(word)) {
      regions.push(word);
      return "";
    }
    return LEGAL_FORMS.includes(word) ? "" : word;
  });
  let s = unbracketed.replace(PUNCT, "");
  [s] = stripSuffixes(s, LEGAL_FORMS, 2);
  let found: string[];
  // A region before trade words only (上海汽车) is the trade name itself: 上海汽车 is not 北京汽车.
  const withoutRegion = stripPrefixes(s, REGION_WORDS, 2);
  if (stripSuffixes(withoutRegion[0], TRADE_WORDS, 0)[0]) {
    [s, found] = withoutRegion;
    regions.push(...found);
  }
  // A branch names its city after the parent's name: 恒力精工机械苏州分公司.
  [s, found] = stripSuffixes(s, REGION_WORDS, 2);
  regions.push(...found);
  const key = s.toLowerCase();
  const [brand, trades] = stripSuffixes(s, TRADE_WORDS, 2);
  return { key, brand: brand.toLowerCase(), brandPinyin: toPinyin(brand), trades, regions, latin: false };
}

function parseLatin(text: string): CompanyName {
  const words = text.toLowerCase().replace(BRACKETED, " $1 ").split(PUNCT).filter(Boolean);
  const regions = words.filter((w) => LATIN_REGIONS.has(w));
  const rest = words.filter((w) => !LATIN_REGIONS.has(w) && !LATIN_LEGAL.has(w));
  const named = rest.length ? rest : words;
  const trades = named.slice(1).map((w) => LATIN_TRADE_WORDS[w]).filter((t): t is string => !!t);
  // The trade name is what precedes the first trade word ("heng li precision" -> "hengli").
  const firstTrade = named.findIndex((w, i) => i > 0 && LATIN_TRADE_WORDS[w]);
  const brand = named.slice(0, firstTrade > 0 ? firstTrade : Math.min(named.length, 1)).join("");
  return { key: named.join(""), brand, brandPinyin: brand, trades: [...new Set(trades)], regions, latin: true };
}

/** Takes a company name apart (full-width characters, spaces and brackets as people type them). */
export function parseCompanyName(name: string): CompanyName {
  const text = name.normalize("NFKC").trim().slice(0, 200);
  return CJK.test(text) ? parseChinese(text) : parseLatin(text);
}

/** Why two customers look like one; the duplicate check shows it in words. */
export type DuplicateReason = "credit_code" | "same_name" | "same_brand_trade" | "pinyin" | "other_city" | "same_brand" | "homophone" | "similar";

/** From this score on a match is a likely duplicate: the user is warned and must give a reason to go on. */
export const LIKELY_DUPLICATE = 0.8;

/** Trigram similarity of two strings, as pg_trgm counts it for CJK text (padded character trigrams). */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [" ", " ", ...s, " "];
    const set = new Set<string>();
    for (let i = 0; i + 2 < chars.length; i++) set.add(chars.slice(i, i + 3).join(""));
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const g of ga) if (gb.has(g)) common++;
  return common / (ga.size + gb.size - common || 1);
}

/**
 * Whether the trades allow one company: one of them names no trade that says what is made
 * (恒力精工 and 恒力精工机械), or they share one (机械); 精密五金 and 精密模具 share only a qualifier.
 */
function tradesAgree(a: string[], b: string[]): boolean {
  const [sa, sb] = [a.filter((t) => !QUALIFYING_TRADES.has(t)), b.filter((t) => !QUALIFYING_TRADES.has(t))];
  return !sa.length || !sb.length || sa.some((t) => sb.includes(t));
}

/**
 * How likely two names are one company, with the reason: the same name once region and
 * legal form are set aside; the same trade name with a trade in common (or one of them
 * naming none); a Chinese trade name whose pinyin is the English name's; down to the same
 * trade name in other trades, a homophone trade name and plain similarity, which are
 * shown but are not likely duplicates. Null when nothing speaks for it.
 */
export function duplicateScore(a: CompanyName, b: CompanyName): { score: number; reason: DuplicateReason } | null {
  const found = nameMatch(a, b);
  if (!found || found.score < LIKELY_DUPLICATE) return found;
  // One trade name in two cities is, as often as not, two companies (字号 are unique per registration area).
  const [ca, cb] = [cityOf(a), cityOf(b)];
  const sameCity = !ca || !cb || ca === cb || toPinyin(ca) === toPinyin(cb);
  return sameCity ? found : { score: 0.7, reason: "other_city" };
}

function nameMatch(a: CompanyName, b: CompanyName): { score: number; reason: DuplicateReason } | null {
  if (!a.key || !b.key) return null;
  if (a.latin === b.latin && a.key === b.key) return { score: 1, reason: "same_name" };
  const brandsLong = a.brand.length >= 2 && b.brand.length >= 2;
  if (a.latin === b.latin && brandsLong && a.brand === b.brand) {
    if (tradesAgree(a.trades, b.trades)) return { score: 0.9, reason: "same_brand_trade" };
    return { score: 0.6, reason: "same_brand" };
  }
  if (a.latin !== b.latin && a.brandPinyin.length >= 4 && a.brandPinyin === b.brandPinyin) {
    if (tradesAgree(a.trades, b.trades)) return { score: 0.85, reason: "pinyin" };
    return { score: 0.6, reason: "same_brand" };
  }
  if (!a.latin && !b.latin && brandsLong && a.brandPinyin === b.brandPinyin) return { score: 0.6, reason: "homophone" };
  const sim = a.latin === b.latin ? trigramSimilarity(a.key, b.key) : 0;
  return sim >= 0.45 ? { score: Math.min(0.75, sim), reason: "similar" } : null;
}
