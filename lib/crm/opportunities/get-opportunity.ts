import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { unitLabels } from "../../srm/unit-labels";
import { readParamDefs, type ParamDef } from "../products/param-defs";
import { centsText } from "./opportunity-lines";
import { mayEditOpportunity, visibleOpportunity } from "./opportunity-scope";
import { stageConfigs } from "./opportunity-stages";

type Category = { id: string; code: string; nameZh: string; nameEn: string; paramDefs: ParamDef[] };

/** Lines grouped by product category (in the library's order, uncategorised last), each group with its subtotal. */
function groupLines<L extends { categoryId: string | null; amount: string }>(lines: L[], categories: Map<string, Category & { sortOrder: number }>) {
  const groups = new Map<string, { category: Category | null; lines: L[]; cents: bigint; order: number }>();
  for (const l of lines) {
    const key = l.categoryId && categories.has(l.categoryId) ? l.categoryId : "";
    const c = key ? categories.get(key)! : null;
    const g = groups.get(key) ?? { category: c, lines: [], cents: 0n, order: c ? c.sortOrder : Number.MAX_SAFE_INTEGER };
    g.lines.push(l);
    g.cents += BigInt(Math.round(Number(l.amount) * 100));
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order).map((g) => ({ category: g.category, lines: g.lines, subtotal: centsText(g.cents) }));
}

/** One opportunity (CRM-4/5): header, customer, lines grouped by category, reviews' stages, history, and what the employee may do. */
export async function getOpportunity(db: Db, who: Actor | null, id: string) {
  const actor = requirePermission(who, "crm.view");
  const opp = await visibleOpportunity(db, actor, id, {
    id: true, code: true, name: true, stage: true, probability: true, expectedCloseDate: true, amount: true, currencyCode: true, note: true, lostReason: true,
    ownerId: true, teamId: true, leadId: true, createdAt: true, updatedAt: true, erpSaleNumber: true, erpQuotedAt: true,
    customer: { select: { id: true, code: true, name: true } },
    copiedFrom: { select: { id: true, code: true, name: true } },
    lines: { orderBy: { position: "asc" }, select: { id: true, position: true, productId: true, productCode: true, categoryId: true, description: true, params: true, quantity: true, unitCode: true, unitPrice: true, discountPct: true, amount: true, unitCost: true, expectedDelivery: true } },
  });
  const categoryIds = [...new Set(opp.lines.map((l) => l.categoryId).filter((x): x is string => !!x))];
  const [cats, history, lead, configs, units] = await Promise.all([
    db.productCategory.findMany({ where: { id: { in: categoryIds } }, select: { id: true, code: true, nameZh: true, nameEn: true, paramDefs: true, sortOrder: true } }),
    db.auditLog.findMany({ where: { entity: "Opportunity", entityId: opp.id }, orderBy: { at: "desc" }, take: 50, select: { id: true, action: true, at: true, actorId: true, before: true, after: true } }),
    opp.leadId ? db.lead.findUnique({ where: { id: opp.leadId }, select: { id: true, code: true, companyName: true } }) : null,
    stageConfigs(db),
    unitLabels(db, opp.lines.map((l) => l.unitCode).filter((x): x is string => !!x)),
  ]);
  const categories = new Map(cats.map((c) => [c.id, { ...c, paramDefs: readParamDefs(c.paramDefs) }]));
  const ids = [...new Set([opp.ownerId, ...history.map((h) => h.actorId)].filter((x): x is string => !!x))];
  const names = new Map((await db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const lines = opp.lines.map((l) => ({
    ...l,
    params: (l.params ?? {}) as Record<string, string | number>,
    quantity: l.quantity.toString(),
    unit: l.unitCode ? units(l.unitCode) : null,
    unitPrice: l.unitPrice.toString(),
    discountPct: l.discountPct.toString(),
    amount: l.amount.toFixed(2),
    unitCost: l.unitCost?.toString() ?? null,
    expectedDelivery: l.expectedDelivery ? l.expectedDelivery.toISOString().slice(0, 10) : null,
  }));
  return {
    opportunity: { ...opp, amount: opp.amount.toFixed(2), expectedCloseDate: opp.expectedCloseDate ? opp.expectedCloseDate.toISOString().slice(0, 10) : null, lines },
    groups: groupLines(lines, categories),
    ownerName: names.get(opp.ownerId) ?? null,
    lead,
    stages: configs,
    mayEdit: await mayEditOpportunity(db, actor, opp),
    history: history.map((h) => {
      const after = (h.after ?? {}) as Record<string, unknown>;
      const before = (h.before ?? {}) as Record<string, unknown>;
      return { id: h.id, action: h.action, at: h.at, by: h.actorId ? (names.get(h.actorId) ?? null) : null, from: typeof before.stage === "string" ? before.stage : null, to: typeof after.stage === "string" && h.action === "opportunity.move" ? after.stage : null, note: typeof after.lostReason === "string" ? after.lostReason : null };
    }),
  };
}

export type OpportunityDetail = Awaited<ReturnType<typeof getOpportunity>>;
