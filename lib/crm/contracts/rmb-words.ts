const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL = ["", "拾", "佰", "仟"];
const BIG = ["", "万", "亿"];

/** An amount in Chinese capital numerals as contracts write it (人民币大写), e.g. 1,130.50 -> 壹仟壹佰叁拾元伍角整. */
export function rmbInWords(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let out = "";
  if (yuan === 0) out = "零";
  else {
    const groups: number[] = [];
    for (let n = yuan; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000);
    let zero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g];
      if (v === 0) {
        zero = out !== "";
        continue;
      }
      if (zero || (out && v < 1000)) out += "零";
      zero = false;
      let part = "";
      let inner = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(v / 10 ** i) % 10;
        if (d === 0) inner = part !== "";
        else {
          if (inner) part += "零";
          inner = false;
          part += DIGITS[d] + SMALL[i];
        }
      }
      out += part + BIG[g];
    }
  }
  out += "元";
  if (!jiao && !fen) return `${amount < 0 ? "负" : ""}${out}整`;
  out += jiao ? `${DIGITS[jiao]}角` : yuan ? "零" : "";
  out += fen ? `${DIGITS[fen]}分` : "整";
  return `${amount < 0 ? "负" : ""}${out}`;
}
