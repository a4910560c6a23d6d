import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { addKnowledgeCategory } from "./add-knowledge-category";
import { getKnowledgeArticle } from "./get-knowledge-article";
import { createKnowledgeArticle, deleteKnowledgeArticle, updateKnowledgeArticle } from "./save-knowledge-article";
import { searchKnowledge } from "./search-knowledge";

const kinds = await dbKinds();
const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text);

describe.each(kinds)("knowledge base (CRM-0) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("finds Chinese articles by a two-character term and by longer ones, ranked, with the terms marked", async () => {
    const gaoyan = await t.actor("gaoyan");
    const two = await searchKnowledge(t.db, gaoyan, { q: "折扣" });
    expect(two.articles[0].title).toBe("折扣审批权限");
    expect(hits(two.articles[0].snippet)).toContain("折扣");
    // A term in the title ranks above the same term in the body only.
    const price = (await searchKnowledge(t.db, gaoyan, { q: "价格" })).articles.map((a) => a.title);
    expect(price[0]).toBe("年度价格政策（精密零部件）");
    expect(price).toContain("客户拜访礼仪与注意事项");
    const long = await searchKnowledge(t.db, gaoyan, { q: "气密性测试" });
    expect(long.articles.map((a) => a.title)).toEqual(["精密零部件产品系列介绍"]);
    expect(hits(long.articles[0].snippet)).toEqual(["气密性测试"]);
    // Two terms: both must occur; full-width letters fold to half-width.
    const both = await searchKnowledge(t.db, gaoyan, { q: "拜访　安全帽" });
    expect(both.articles.map((a) => a.title)).toEqual(["客户拜访礼仪与注意事项"]);
    expect((await searchKnowledge(t.db, gaoyan, { q: "ＩＡＴＦ" })).articles.map((a) => a.title)).toEqual(["精密零部件产品系列介绍"]);
    // A mistyped longer query still finds the article through trigram similarity.
    expect((await searchKnowledge(t.db, gaoyan, { q: "折扣审批权线" })).articles[0]?.title).toBe("折扣审批权限");
    expect((await searchKnowledge(t.db, gaoyan, { q: "量子计算" })).articles).toEqual([]);
    // LIKE wildcards are literal.
    expect((await searchKnowledge(t.db, gaoyan, { q: "%" })).articles.every((a) => hits(a.snippet).includes("%"))).toBe(true);
  });

  it("lists by category with counts, newest first", async () => {
    const list = await searchKnowledge(t.db, await t.actor("sunli"), {});
    expect(list.categories.map((c) => c.nameZh)).toEqual(["销售政策", "价格与折扣", "产品知识", "拜访礼仪"]);
    const pricing = list.categories.find((c) => c.nameZh === "价格与折扣")!;
    expect(pricing.count).toBe(2);
    const inPricing = await searchKnowledge(t.db, await t.actor("sunli"), { category: pricing.id });
    expect(inPricing.articles).toHaveLength(2);
    expect((await searchKnowledge(t.db, await t.actor("sunli"), { category: pricing.id, q: "安全帽" })).articles).toEqual([]);
  });

  it("lets a sales lead write, change and delete articles, audited, and refuses a rep", async () => {
    const zhoujie = await t.actor("zhoujie");
    const sunli = await t.actor("sunli");
    const category = await addKnowledgeCategory(t.db, zhoujie, { nameZh: "竞品分析" });
    await expect(addKnowledgeCategory(t.db, zhoujie, { nameZh: "竞品分析" })).rejects.toMatchObject({ code: "validation", fieldErrors: { nameZh: "validation.knowledge_category_taken" } });
    const before = await t.db.knowledgeArticle.count();
    await expect(createKnowledgeArticle(t.db, sunli, { title: "我的心得", categoryId: category.id, body: "正文" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createKnowledgeArticle(t.db, zhoujie, { title: "", categoryId: category.id, body: "" })).rejects.toMatchObject({ code: "validation" });
    await expect(createKnowledgeArticle(t.db, zhoujie, { title: "竞品价格", categoryId: "00000000-0000-4000-8000-000000000000", body: "正文" })).rejects.toMatchObject({ fieldErrors: { categoryId: "validation.required" } });
    expect(await t.db.knowledgeArticle.count()).toBe(before);

    const made = await createKnowledgeArticle(t.db, zhoujie, { title: "主要竞品的报价习惯", categoryId: category.id, body: "<script>alert(1)</script>\n\n竞品甲常以低价切入，后续靠模具费回收。" });
    expect((await searchKnowledge(t.db, sunli, { q: "模具费" })).articles.map((a) => a.id)).toEqual([made.id]);
    await expect(updateKnowledgeArticle(t.db, sunli, made.id, { title: "改", categoryId: category.id, body: "改" })).rejects.toMatchObject({ code: "forbidden" });
    await updateKnowledgeArticle(t.db, zhoujie, made.id, { title: "主要竞品的报价习惯", categoryId: category.id, body: "竞品乙交期长，价格高。" });
    expect((await searchKnowledge(t.db, sunli, { q: "模具费" })).articles).toEqual([]);
    const view = await getKnowledgeArticle(t.db, sunli, made.id);
    expect(view).toMatchObject({ authorName: "周杰", updatedByName: "周杰", mayEdit: false, category: { nameZh: "竞品分析" } });
    expect(view).not.toHaveProperty("searchText");
    await expect(deleteKnowledgeArticle(t.db, sunli, made.id)).rejects.toMatchObject({ code: "forbidden" });
    await deleteKnowledgeArticle(t.db, zhoujie, made.id);
    await expect(getKnowledgeArticle(t.db, sunli, made.id)).rejects.toMatchObject({ code: "not_found" });
    const audit = await t.db.auditLog.findMany({ where: { entityId: made.id }, orderBy: { at: "asc" }, select: { action: true, before: true } });
    expect(audit.map((a) => a.action)).toEqual(["knowledge.create", "knowledge.update", "knowledge.delete"]);
    expect(audit[1].before).toMatchObject({ body: expect.stringContaining("模具费") });
  });
});
