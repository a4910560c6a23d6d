import { describe, expect, it } from "vitest";
import { foldText, searchTerms, snippet } from "./fold-text";

const marked = (segments: { text: string; hit: boolean }[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join("");

describe("knowledge search text", () => {
  it("folds full-width letters, digits and spaces and lower-cases, one character for one", () => {
    expect(foldText("ＩＡＴＦ　１６９４９ Ppap")).toBe("iatf 16949 ppap");
    expect(foldText("报价单ＡＢ").length).toBe("报价单ＡＢ".length);
  });

  it("splits a query into at most five distinct terms on spaces and Chinese punctuation", () => {
    expect(searchTerms(" 折扣，审批　折扣 ")).toEqual(["折扣", "审批"]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
  });

  it("cuts the text around the first hit, marks every hit, and hides only the markdown-lite marks", () => {
    const body = `${"前言。".repeat(30)}\n\n## 包邮条件\n- 广东省内满 5 万元**包邮**\n\n<b>急件</b>另计。`;
    const text = marked(snippet(body, ["包邮"]));
    expect(text.startsWith("…")).toBe(true);
    expect(text).toContain("[包邮]条件 广东省内满 5 万元[包邮] <b>急件</b>另计。");
    expect(marked(snippet("没有命中的正文", ["报价"]))).toBe("没有命中的正文");
  });
});
