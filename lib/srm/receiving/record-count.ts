import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import { now } from "../../workflow/clock";
import type { ServiceContext } from "../../workflow/service-handler";
import { lotRowsOf } from "./lot-rows";

type Counts = Record<string, { counted: number }>;

/**
 * Service task srm.recordCount: the warehouse's pre-receipt count (预收货/点数) per lot,
 * from the form field lotCounts, kept beside what the supplier said it shipped. The
 * differences stay visible on every later step (shipped vs counted). A repeat writes
 * the same figures again.
 */
export async function recordCountStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const planId = String(variables.planId ?? "");
  const counts = (variables.lotCounts ?? {}) as Counts;
  await db.$transaction(async (tx) => {
    const lots = await tx.shipmentLot.findMany({ where: { planId }, select: { id: true, lotNumber: true, shippedQuantity: true, countedQuantity: true } });
    const at = now();
    const differences: { lotNumber: string; shipped: number; counted: number }[] = [];
    for (const lot of lots) {
      const counted = counts[lot.id]?.counted;
      if (counted === undefined) continue;
      await tx.shipmentLot.update({ where: { id: lot.id }, data: { countedQuantity: counted, countedAt: at } });
      if (counted !== Number(lot.shippedQuantity)) differences.push({ lotNumber: lot.lotNumber, shipped: Number(lot.shippedQuantity), counted });
    }
    await writeAudit(tx, SYSTEM, { action: "shipment_lot.counted", entity: "DeliveryPlan", entityId: planId, after: { lots: lots.length, differences } });
  });
  const lotRows = await lotRowsOf(db, planId);
  return { lotRows, countDifferences: lotRows.filter((r) => r.counted !== undefined && r.counted !== r.shipped).length };
}
