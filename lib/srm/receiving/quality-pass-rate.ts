import "server-only";
import type { Db } from "../../db/client";

export type PassRate = { lots: number; passed: number; rate: number | null };
export type CategoryPassRate = PassRate & { category: string | null };

const rateOf = (lots: number, passed: number): PassRate => ({ lots, passed, rate: lots > 0 ? passed / lots : null });

/**
 * The lot pass rate of incoming inspection (来料批次合格率), said the same way on the
 * screen: lots passed ÷ lots inspected, a concession (让步接收) or a failed lot not
 * passing; overall and per product category (Product.params.category, null when the
 * product has none).
 */
export async function qualityPassRates(db: Db, supplierId: string): Promise<{ overall: PassRate; categories: CategoryPassRate[] }> {
  const lots = await db.shipmentLot.findMany({
    where: { plan: { supplierId }, inspectionResult: { not: null } },
    select: { inspectionResult: true, planLine: { select: { orderLine: { select: { productCode: true } } } } },
  });
  const codes = [...new Set(lots.map((l) => l.planLine.orderLine.productCode))];
  const products = await db.product.findMany({ where: { code: { in: codes } }, select: { code: true, params: true } });
  const categoryOf = new Map(products.map((p) => [p.code, typeof (p.params as { category?: unknown }).category === "string" ? String((p.params as { category: string }).category) : null]));
  const sums = new Map<string | null, { lots: number; passed: number }>();
  for (const l of lots) {
    const c = categoryOf.get(l.planLine.orderLine.productCode) ?? null;
    const s = sums.get(c) ?? { lots: 0, passed: 0 };
    s.lots++;
    if (l.inspectionResult === "pass") s.passed++;
    sums.set(c, s);
  }
  const passed = lots.filter((l) => l.inspectionResult === "pass").length;
  const categories = [...sums].map(([category, s]) => ({ category, ...rateOf(s.lots, s.passed) })).sort((a, b) => (a.category ?? "\uffff").localeCompare(b.category ?? "\uffff", "zh-CN"));
  return { overall: rateOf(lots.length, passed), categories };
}
