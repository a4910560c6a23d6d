import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { readXlsx } from "@/test/read-xlsx";
import { erpTestDb } from "@/test/erp/erp-db";
import { convertLead } from "../leads/convert-lead";
import { createLead } from "../leads/create-leads";
import { saveProductCategory } from "../products/product-categories";
import { listLibraryProducts, setProductLibrary } from "../products/product-library";
import { deleteView, listSavedViews, saveView } from "../../views/saved-views";
import { createOpportunity } from "./create-opportunity";
import { exportOpportunities } from "./export-opportunities";
import { getOpportunity } from "./get-opportunity";
import { listOpportunities } from "./list-opportunities";
import { moveOpportunity } from "./move-opportunity";
import { opportunityBoard } from "./opportunity-board";
import { lineAmountCents } from "./opportunity-lines";
import { parseOpportunityListQuery } from "./opportunity-lists.schema";
import { saveOpportunityLines, updateOpportunity } from "./update-opportunity";

const kinds = await dbKinds();
const t = Object.assign((key: string, v?: Record<string, string | number>) => (v ? `${key} ${JSON.stringify(v)}` : key), { has: () => true });

describe.each(kinds)("opportunities and the product library (CRM-4/5) on %s", (kind) => {
  let env: Awaited<ReturnType<typeof erpTestDb>>;
  const customer = (name: string) => env.db.customer.findFirstOrThrow({ where: { name } });
  const product = (code: string) => env.db.product.findUniqueOrThrow({ where: { code } });
  const category = (code: string) => env.db.productCategory.findUniqueOrThrow({ where: { code } });
  beforeAll(async () => {
    env = await erpTestDb(kind);
  });
  afterAll(async () => {
    await env?.close();
  });

  it("computes a line's amount in integer cents: quantity x price x (1 - discount)", () => {
    expect(lineAmountCents(3, 0.35, 0)).toBe(105n);
    expect(lineAmountCents(500, 126, 5)).toBe(5_985_000n);
    expect(lineAmountCents(0.333, 1.005, 0)).toBe(33n);
    expect(lineAmountCents(7, 19.99, 12.5)).toBe(12_244n);
  });

  it("seeds the library: categories with parameters, products assigned; the library searches by text and category", async () => {
    const sunli = await env.actor("sunli");
    const precision = await category("PRECISION");
    const found = await listLibraryProducts(env.db, sunli, { q: "轴套", categoryId: precision.id });
    expect(found.rows.map((r) => r.code)).toEqual(["P-4001"]);
    expect(found.rows[0].techParams).toMatchObject({ surface: "hard_chrome", drawingNo: "DWG-BS-2035" });
    expect((await listLibraryProducts(env.db, sunli, { categoryId: "none" })).rows.map((r) => r.code)).toContain("P-1001");
  });

  it("keeps category definitions and product parameters to the rules: only product.library holders, values checked", async () => {
    const [admin, sunli, wumin] = await Promise.all([env.actor("admin"), env.actor("sunli"), env.actor("wumin")]);
    await expect(saveProductCategory(env.db, sunli, null, { code: "X", nameZh: "测试", nameEn: "Test", paramDefs: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveProductCategory(env.db, admin, null, { code: "CAST", nameZh: "铸件", nameEn: "Castings", paramDefs: [{ key: "grade", labelZh: "牌号", labelEn: "Grade", type: "select", options: [] }] })).rejects.toMatchObject({ code: "validation", fieldErrors: { paramDefs: "validation.param_options" } });
    await expect(saveProductCategory(env.db, admin, null, { code: "precision", nameZh: "重复", nameEn: "Dup", paramDefs: [] })).rejects.toMatchObject({ fieldErrors: { code: "validation.category_code_taken" } });
    const p = await product("P-2001");
    const sheet = await category("SHEET");
    await expect(setProductLibrary(env.db, wumin, { productId: p.id, categoryId: sheet.id, techParams: { material: "ABS", thickness: "二点五" } })).rejects.toMatchObject({ code: "validation", fieldErrors: { "param.thickness": "validation.not_a_number" } });
    await expect(setProductLibrary(env.db, wumin, { productId: p.id, categoryId: sheet.id, techParams: { thickness: 2.5, surface: "gold" } })).rejects.toMatchObject({ fieldErrors: { "param.material": "validation.required", "param.surface": "validation.param_option" } });
    await setProductLibrary(env.db, wumin, { productId: p.id, categoryId: sheet.id, techParams: { material: "ABS 塑料", thickness: "2.5", surface: "none", stray: "dropped" } });
    const saved = await product("P-2001");
    expect(saved).toMatchObject({ categoryId: sheet.id, techParams: { material: "ABS 塑料", thickness: 2.5, surface: "none" } });
    expect(await env.db.auditLog.count({ where: { action: "product.library", entityId: p.id } })).toBe(1);
  });

  it("creates an opportunity with library and typed lines: library parameters come from the product, amounts from the server, grouped by category", async () => {
    const sunli = await env.actor("sunli");
    const c = await customer("苏州恒力精工机械有限公司");
    const [p4001, p6001, sheet] = await Promise.all([product("P-4001"), product("P-6001"), category("SHEET")]);
    const opp = await createOpportunity(env.db, sunli, { name: "恒力 新产线配套", customerId: c.id, expectedCloseDate: "2027-03-31" });
    expect(opp.code).toMatch(/^OP\d{6}$/);
    expect(opp).toMatchObject({ stage: "qualify", probability: 10 });
    // A typed line's parameters are checked against its category; errors name the line.
    await expect(saveOpportunityLines(env.db, sunli, opp.id, [{ categoryId: sheet.id, description: "护罩", params: { thickness: 2 }, quantity: 1, unitPrice: 10 }])).rejects.toMatchObject({ code: "validation", fieldErrors: { "lines.0.param.material": "validation.required" } });
    await expect(saveOpportunityLines(env.db, sunli, opp.id, [{ productId: p4001.id, quantity: 0, unitPrice: 1, discountPct: 120 }])).rejects.toMatchObject({ fieldErrors: { "lines.0.quantity": "validation.quantity_positive", "lines.0.discountPct": "validation.discount_range" } });
    await saveOpportunityLines(env.db, sunli, opp.id, [
      { productId: p4001.id, params: { tolerance: "typed over" }, quantity: "1,000", unitPrice: "38.5", discountPct: "10", unitCost: 26, expectedDelivery: "2027-04-15" },
      { categoryId: sheet.id, description: "设备防护罩", params: { material: "冷轧钢板", thickness: "2" }, quantity: 3, unitPrice: 680.333, unitCode: "PCS" },
      { productId: p6001.id, quantity: 2, unitPrice: 96 },
    ]);
    const detail = await getOpportunity(env.db, sunli, opp.id);
    expect(detail.opportunity.amount).toBe("36883.00");
    const [first] = detail.opportunity.lines;
    expect(first).toMatchObject({ productCode: "P-4001", description: "精密轴套 Φ20×35", unitCode: "PCS", amount: "34650.00", expectedDelivery: "2027-04-15" });
    expect(first.params).toMatchObject({ tolerance: "±0.01", drawingNo: "DWG-BS-2035" });
    expect(detail.groups.map((g) => [g.category?.code ?? null, g.lines.length, g.subtotal])).toEqual([["PRECISION", 1, "34650.00"], ["SHEET", 1, "2041.00"], ["ELECTRIC", 1, "192.00"]]);
    expect(detail.history.map((h) => h.action)).toEqual(["opportunity.lines", "opportunity.create"]);
  });

  it("copies a past opportunity: lines, parameters and note come along, marked as copied from it", async () => {
    const sunli = await env.actor("sunli");
    const past = await env.db.opportunity.findFirstOrThrow({ where: { name: "恒力精工 2026 年度精密轴套与法兰" }, include: { lines: { orderBy: { position: "asc" } } } });
    const c = await customer("无锡先导智能装备股份有限公司");
    const copy = await createOpportunity(env.db, sunli, { name: "先导 轴套法兰（参照恒力）", customerId: c.id, copyFromId: past.id });
    const detail = await getOpportunity(env.db, sunli, copy.id);
    expect(detail.opportunity.copiedFrom).toMatchObject({ id: past.id, code: past.code });
    expect(detail.opportunity.note).toBe(past.note);
    expect(detail.opportunity.amount).toBe(past.amount.toFixed(2));
    expect(detail.opportunity.lines.map((l) => [l.productCode, l.description, l.params])).toEqual(past.lines.map((l) => [l.productCode, l.description, l.params]));
    expect(detail.opportunity.stage).toBe("qualify");
  });

  it("makes one opportunity from a converted lead: its customer, refused twice and for a lead not converted", async () => {
    const majun = await env.actor("majun");
    const lead = await createLead(env.db, majun, { companyName: "深圳市测试精工科技有限公司", region: "广东深圳" });
    expect(lead.ownerId).toBe(majun.id);
    await expect(createOpportunity(env.db, majun, { name: "未转化", leadId: lead.id })).rejects.toMatchObject({ code: "opportunity_lead_not_converted" });
    const done = await convertLead(env.db, majun, lead.id, { opportunityName: "测试精工 样件", expectedAmount: "80000" });
    const opp = await createOpportunity(env.db, majun, { name: "测试精工 样件", leadId: lead.id, customerId: (await customer("中山大洋电机股份有限公司")).id });
    const row = await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(row).toMatchObject({ leadId: lead.id, customerId: done.customerId, ownerId: majun.id });
    await expect(createOpportunity(env.db, majun, { name: "再来一个", leadId: lead.id })).rejects.toMatchObject({ code: "opportunity_lead_taken" });
    // Another team's rep cannot use the lead at all.
    await expect(createOpportunity(env.db, await env.actor("gaoyan"), { name: "别人的", leadId: lead.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses leaving a stage that needs a review until one is approved; lost needs a reason; probability follows the stage; audited", async () => {
    const sunli = await env.actor("sunli");
    const opp = await env.db.opportunity.findFirstOrThrow({ where: { name: "恒力 新产线配套" } });
    await moveOpportunity(env.db, sunli, opp.id, { stage: "solution" });
    expect((await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).probability).toBe(30);
    await expect(moveOpportunity(env.db, sunli, opp.id, { stage: "quotation" })).rejects.toMatchObject({ code: "opportunity_review_required", params: { stage: "solution" } });
    // Skipping over the stage is no way around it; a running or rejected review is not enough.
    await expect(moveOpportunity(env.db, sunli, opp.id, { stage: "won" })).rejects.toMatchObject({ code: "opportunity_review_required" });
    await env.db.opportunityReview.create({ data: { opportunityId: opp.id, stage: "solution", status: "rejected", startedById: sunli.id } });
    await expect(moveOpportunity(env.db, sunli, opp.id, { stage: "quotation" })).rejects.toMatchObject({ code: "opportunity_review_required" });
    expect((await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stage).toBe("solution");
    await env.db.opportunityReview.create({ data: { opportunityId: opp.id, stage: "solution", status: "approved", startedById: sunli.id } });
    await moveOpportunity(env.db, sunli, opp.id, { stage: "quotation" });
    // Back is always allowed, and so is lost, with a reason.
    await moveOpportunity(env.db, sunli, opp.id, { stage: "qualify" });
    await expect(moveOpportunity(env.db, sunli, opp.id, { stage: "lost" })).rejects.toMatchObject({ fieldErrors: { lostReason: "validation.lost_reason" } });
    await moveOpportunity(env.db, sunli, opp.id, { stage: "lost", lostReason: "客户预算取消" });
    const row = await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(row).toMatchObject({ stage: "lost", probability: 0, lostReason: "客户预算取消" });
    const moves = await env.db.auditLog.findMany({ where: { entityId: opp.id, action: "opportunity.move" }, orderBy: { at: "asc" } });
    expect(moves.map((m) => (m.after as { stage: string }).stage)).toEqual(["solution", "quotation", "qualify", "lost"]);
    await updateOpportunity(env.db, sunli, opp.id, { name: "恒力 新产线配套（已关闭）", probability: 5, expectedCloseDate: "" });
    expect(await env.db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ probability: 5, expectedCloseDate: null });
  });

  it("shows opportunities like customers: owner, team-shared customers, the sales lead of the department; others get not_found, also for changes", async () => {
    const [sunli, gaoyan, majun, heqiang, zhoujie] = await Promise.all(["sunli", "gaoyan", "majun", "heqiang", "zhoujie"].map((u) => env.actor(u)));
    const names = async (who: typeof sunli) => (await listOpportunities(env.db, who, parseOpportunityListQuery({ stage: "any" }))).rows.map((r) => r.name);
    const majunsWon = await env.db.opportunity.findFirstOrThrow({ where: { name: "长盈精密 伺服装配线配套" } });
    const gaoyansShared = await env.db.opportunity.findFirstOrThrow({ where: { name: "海康威视 机箱与接线组件" } });
    const gaoyansOwn = await env.db.opportunity.findFirstOrThrow({ where: { name: "恒立液压 油缸连接法兰" } });
    expect(await names(sunli)).toContain("海康威视 机箱与接线组件"); // its customer is shared with the team
    expect(await names(sunli)).not.toContain("恒立液压 油缸连接法兰");
    expect(await names(sunli)).not.toContain("长盈精密 伺服装配线配套");
    expect(await names(heqiang)).toContain("长盈精密 伺服装配线配套");
    expect(await names(heqiang)).not.toContain("海康威视 机箱与接线组件");
    expect(await names(zhoujie)).toEqual(expect.arrayContaining(["恒立液压 油缸连接法兰", "长盈精密 伺服装配线配套"]));
    await expect(getOpportunity(env.db, sunli, majunsWon.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(moveOpportunity(env.db, sunli, majunsWon.id, { stage: "lost", lostReason: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(saveOpportunityLines(env.db, sunli, majunsWon.id, [])).rejects.toMatchObject({ code: "not_found" });
    await expect(createOpportunity(env.db, sunli, { name: "偷看", customerId: majunsWon.customerId })).rejects.toMatchObject({ code: "not_found" });
    await expect(createOpportunity(env.db, sunli, { name: "偷抄", customerId: (await customer("常州星宇车灯股份有限公司")).id, copyFromId: majunsWon.id })).rejects.toMatchObject({ code: "not_found" });
    // Seen through the shared customer, but only the owner or the sales lead changes it.
    expect((await getOpportunity(env.db, sunli, gaoyansShared.id)).mayEdit).toBe(false);
    await expect(moveOpportunity(env.db, sunli, gaoyansShared.id, { stage: "lost", lostReason: "x" })).rejects.toMatchObject({ code: "opportunity_not_yours" });
    expect((await getOpportunity(env.db, zhoujie, gaoyansOwn.id)).mayEdit).toBe(true);
    expect((await getOpportunity(env.db, majun, majunsWon.id)).mayEdit).toBe(true);
    expect((await getOpportunity(env.db, gaoyan, gaoyansOwn.id)).mayEdit).toBe(true);
    const board = await opportunityBoard(env.db, sunli);
    expect(board.map((c) => c.stage)).toEqual(["qualify", "solution", "quotation", "negotiation", "won", "lost"]);
    expect(board.flatMap((c) => c.rows).find((r) => r.name === "海康威视 机箱与接线组件")?.mayMove).toBe(false);
    expect(board.flatMap((c) => c.rows).some((r) => r.name === "长盈精密 伺服装配线配套")).toBe(false);
  });

  it("filters the list and exports the filtered rows the employee sees, with translated headers", async () => {
    const sunli = await env.actor("sunli");
    const c = await customer("苏州恒力精工机械有限公司");
    const q = parseOpportunityListQuery({ stage: "won", customer: c.id, closeFrom: "2026-09-01", closeTo: "2026-09-30", q: "轴套" });
    const list = await listOpportunities(env.db, sunli, q);
    expect(list.rows.map((r) => r.name)).toEqual(["恒力精工 2026 年度精密轴套与法兰"]);
    expect((await listOpportunities(env.db, sunli, parseOpportunityListQuery({ closeTo: "2026-01-01" }))).total).toBe(0);
    const rows = await readXlsx(await exportOpportunities(env.db, sunli, q, { t }));
    expect(rows[0][0]).toBe("opportunities.list.code");
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1, 4)).toEqual(["恒力精工 2026 年度精密轴套与法兰", "苏州恒力精工机械有限公司", "opportunities.stages.won"]);
    const all = await readXlsx(await exportOpportunities(env.db, sunli, parseOpportunityListQuery({ stage: "any" }), { t }));
    expect(all.map((r) => r[1])).not.toContain("长盈精密 伺服装配线配套");
  });

  it("keeps saved views per user and list: save, replace by name, apply, delete only one's own", async () => {
    const [sunli, gaoyan] = await Promise.all([env.actor("sunli"), env.actor("gaoyan")]);
    const view = await saveView(env.db, sunli, "crm.opportunities", { name: "本季报价", query: { stage: "quotation", closeTo: "2027-03-31", page: "3", evil: "x" } });
    await saveView(env.db, sunli, "crm.opportunities", { name: "本季报价", query: { stage: "negotiation" } });
    await saveView(env.db, sunli, "crm.customers", { name: "A 级", query: { level: "A" } });
    expect(await listSavedViews(env.db, sunli, "crm.opportunities")).toEqual([{ id: view.id, name: "本季报价", query: { stage: "negotiation" } }]);
    expect(await listSavedViews(env.db, gaoyan, "crm.opportunities")).toEqual([]);
    await expect(deleteView(env.db, gaoyan, "crm.opportunities", view.id)).rejects.toMatchObject({ code: "not_found" });
    await deleteView(env.db, sunli, "crm.opportunities", view.id);
    expect(await listSavedViews(env.db, sunli, "crm.opportunities")).toEqual([]);
    expect(await listSavedViews(env.db, sunli, "crm.customers")).toHaveLength(1);
  });
});
