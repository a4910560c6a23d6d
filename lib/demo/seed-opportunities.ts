import "server-only";
import { loadEmployeeActor } from "../auth/load-actor";
import { createOpportunity } from "../crm/opportunities/create-opportunity";
import { moveOpportunity } from "../crm/opportunities/move-opportunity";
import type { OpportunityStage } from "../crm/opportunities/opportunity.schema";
import { saveOpportunityLines } from "../crm/opportunities/update-opportunity";
import type { Db } from "../db/client";

type Line = { product?: string; category?: string; description?: string; params?: Record<string, string | number>; quantity: number; unitPrice: number; discountPct?: number; unitCost?: number; unitCode?: string };
type DemoOpportunity = { owner: string; customer: string; name: string; stage: OpportunityStage; close: string; note?: string; lines: Line[] };

/** Past (won) opportunities with library lines for each rep, so "copy from a past opportunity" has material, and a few open ones for the board. */
const OPPORTUNITIES: DemoOpportunity[] = [
  {
    owner: "sunli", customer: "苏州恒力精工机械有限公司", name: "恒力精工 2026 年度精密轴套与法兰", stage: "won", close: "2026-09-30", note: "年度框架，按月分批交货；首批需附材质证明。",
    lines: [
      { product: "P-4001", quantity: 2000, unitPrice: 38.5, unitCost: 26.2 },
      { product: "P-4002", quantity: 500, unitPrice: 126, discountPct: 5, unitCost: 88 },
      { category: "SHEET", description: "设备防护罩（定制）", params: { material: "冷轧钢板", thickness: 2, surface: "powder", drawingNo: "HL-FZ-101" }, quantity: 40, unitPrice: 680, unitCost: 452, unitCode: "PCS" },
    ],
  },
  {
    owner: "sunli", customer: "常州星宇车灯股份有限公司", name: "星宇车灯 散热片二期", stage: "quotation", close: "2027-01-31",
    lines: [{ product: "P-1002", quantity: 6000, unitPrice: 5.8, unitCost: 4.1 }],
  },
  {
    owner: "gaoyan", customer: "杭州海康威视数字技术股份有限公司", name: "海康威视 机箱与接线组件", stage: "won", close: "2026-10-15", note: "客户要求喷塑颜色 RAL 7035，含包装。",
    lines: [
      { product: "P-5002", quantity: 800, unitPrice: 215, discountPct: 3, unitCost: 150 },
      { product: "P-6001", quantity: 800, unitPrice: 96, unitCost: 61 },
    ],
  },
  {
    owner: "gaoyan", customer: "江苏恒立液压股份有限公司", name: "恒立液压 油缸连接法兰", stage: "solution", close: "2027-02-28",
    lines: [{ product: "P-4002", quantity: 1200, unitPrice: 118, unitCost: 84 }],
  },
  {
    owner: "majun", customer: "东莞市长盈精密技术有限公司", name: "长盈精密 伺服装配线配套", stage: "won", close: "2026-11-20", note: "分两批交付，第二批随产线验收。",
    lines: [
      { product: "P-6001", quantity: 300, unitPrice: 98, unitCost: 62 },
      { product: "P-6002", quantity: 300, unitPrice: 420, discountPct: 2, unitCost: 300 },
      { product: "P-4001", quantity: 1200, unitPrice: 39, unitCost: 26.5 },
      { product: "P-5001", quantity: 30, unitPrice: 1850, unitCost: 1320 },
    ],
  },
  {
    owner: "majun", customer: "中山大洋电机股份有限公司", name: "大洋电机 电机端盖样件", stage: "qualify", close: "2027-03-15",
    lines: [{ category: "PRECISION", description: "电机端盖（样件）", params: { material: "ADC12 压铸铝", tolerance: "±0.03", surface: "none", drawingNo: "DY-DG-2207" }, quantity: 50, unitPrice: 260, unitCode: "PCS" }],
  },
];

const FORWARD: OpportunityStage[] = ["qualify", "solution", "quotation", "negotiation", "won"];

/**
 * The demo opportunities, made through the opportunity use-cases. Stages that need a
 * review were passed before this demo's time: an approved review row stands for each
 * (the review flow itself, CRM-6, makes them in use). Once.
 */
export async function seedOpportunities(db: Db, log: (m: string) => void) {
  if (await db.opportunity.count()) return;
  const categories = new Map((await db.productCategory.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
  const products = new Map((await db.product.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
  const gates = (await db.opportunityStageConfig.findMany({ where: { requiresReview: true }, select: { stage: true } })).map((c) => c.stage);
  for (const o of OPPORTUNITIES) {
    const owner = await loadEmployeeActor((await db.employee.findUniqueOrThrow({ where: { username: o.owner } })).id, db);
    const customer = await db.customer.findFirst({ where: { name: o.customer, mergedIntoId: null }, select: { id: true } });
    if (!owner || !customer) continue;
    const opp = await createOpportunity(db, owner, { name: o.name, customerId: customer.id, expectedCloseDate: o.close, note: o.note });
    const lines = o.lines.map((l) => ({ productId: l.product ? products.get(l.product) : null, categoryId: l.category ? categories.get(l.category) : null, description: l.description, params: l.params ?? {}, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct ?? 0, unitCost: l.unitCost ?? null, unitCode: l.unitCode ?? null }));
    await saveOpportunityLines(db, owner, opp.id, lines);
    const until = FORWARD.indexOf(o.stage);
    for (const stage of FORWARD.slice(0, Math.max(0, until))) {
      if (gates.includes(stage)) await db.opportunityReview.create({ data: { opportunityId: opp.id, stage, status: "approved", startedById: owner.id, decidedAt: new Date(), outcomeNote: "演示数据：历史评审已通过。" } });
    }
    if (o.stage !== "qualify") await moveOpportunity(db, owner, opp.id, { stage: o.stage });
    log(`opportunity ${opp.code} ${o.name}`);
  }
}
