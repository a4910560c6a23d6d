import { describe, expect, it } from "vitest";
import { duplicateScore, LIKELY_DUPLICATE, parseCompanyName, trigramSimilarity } from "./company-name";
import { creditCodeCheck, creditCodeProblem, normaliseCreditCode } from "./credit-code";
import { DIFFERENT_COMPANIES, SAME_COMPANY } from "./duplicate-name-pairs";

const score = (a: string, b: string) => duplicateScore(parseCompanyName(a), parseCompanyName(b));

describe("company names taken apart", () => {
  it("finds region, trade name, trades and legal form however they are written", () => {
    expect(parseCompanyName("江苏省苏州恒力精工机械有限公司")).toMatchObject({ key: "恒力精工机械", brand: "恒力", trades: ["精工", "机械"], regions: ["江苏省", "苏州"], brandPinyin: "hengli" });
    expect(parseCompanyName("恒力精工（苏州）")).toMatchObject({ key: "恒力精工", brand: "恒力", regions: ["苏州"] });
    expect(parseCompanyName("上海振华重工（集团）股份有限公司")).toMatchObject({ key: "振华重工", brand: "振华" });
    expect(parseCompanyName("Suzhou Hengli Precision Machinery Co., Ltd.")).toMatchObject({ key: "hengliprecisionmachinery", brand: "hengli", trades: ["精工", "机械"], regions: ["suzhou"], latin: true });
    expect(parseCompanyName("ＳＵＺＨＯＵ　ＨＥＮＧＬＩ")).toMatchObject({ key: "hengli", latin: true });
  });

  it("keeps a region that is the trade name (上海汽车 is not 北京汽车)", () => {
    expect(parseCompanyName("上海汽车集团股份有限公司").key).toBe("上海汽车");
    expect(parseCompanyName("北京汽车集团有限公司").key).toBe("北京汽车");
  });
});

describe("the duplicate check on real name pairs", () => {
  it("has at least 60 pairs to check against", () => {
    expect(SAME_COMPANY.length + DIFFERENT_COMPANIES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SAME_COMPANY)("%s and %s are one company", (a, b) => {
    expect(score(a, b)?.score ?? 0).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(score(b, a)?.score ?? 0).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
  });

  it.each(DIFFERENT_COMPANIES)("%s and %s are not taken for one", (a, b) => {
    expect(score(a, b)?.score ?? 0).toBeLessThan(LIKELY_DUPLICATE);
    expect(score(b, a)?.score ?? 0).toBeLessThan(LIKELY_DUPLICATE);
  });

  it("gives the reason", () => {
    expect(score("苏州恒力精工机械有限公司", "苏州市恒力精工机械有限责任公司")).toEqual({ score: 1, reason: "same_name" });
    expect(score("苏州恒力精工机械有限公司", "恒力精工（苏州）")?.reason).toBe("same_brand_trade");
    expect(score("苏州恒力精工机械有限公司", "Suzhou Hengli Precision Machinery Co., Ltd.")?.reason).toBe("pinyin");
    expect(score("苏州恒力精工机械有限公司", "苏州恒力电子有限公司")?.reason).toBe("same_brand");
    expect(score("苏州恒力精工机械有限公司", "苏州恒利精工机械有限公司")?.reason).toBe("homophone");
    expect(score("苏州恒力精工机械有限公司", "无锡恒力精工机械有限公司")?.reason).toBe("other_city");
    expect(score("苏州恒力精工机械有限公司", "")).toBeNull();
  });

  it("counts trigrams as pg_trgm does for the same strings", () => {
    expect(trigramSimilarity("恒力精工", "恒力精工")).toBe(1);
    expect(trigramSimilarity("上海汽车", "北京汽车")).toBeCloseTo(1 / 9);
  });
});

describe("the unified social credit code", () => {
  it("accepts real codes as people type them", () => {
    for (const code of ["91330100799655058B", "9144030071526726XG", "914403001922038216", "91110108551385082Q", "91110000802100433B"]) expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeProblem(" 9133 0100-7996 5505 8b ")).toBeNull();
    expect(creditCodeProblem("９１３３０１００７９９６５５０５８Ｂ")).toBeNull();
    expect(normaliseCreditCode(" 9133 0100-7996 5505 8b ")).toBe("91330100799655058B");
  });

  it("refuses a wrong length, a letter it never uses and a wrong check character", () => {
    expect(creditCodeProblem("91330100799655058")).toBe("length");
    expect(creditCodeProblem("91330100799655058BB")).toBe("length");
    expect(creditCodeProblem("9133010079965505IB")).toBe("characters");
    expect(creditCodeProblem("91330100799655058A")).toBe("checksum");
    expect(creditCodeCheck("9133010079965505")).toBeNull();
  });
});
