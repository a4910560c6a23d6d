import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import { now } from "../../workflow/clock";
import type { ServiceContext } from "../../workflow/service-handler";
import { lotRowsOf } from "./lot-rows";

type PutAway = Record<string, { location: string; bin: string }>;

/**
 * Service task srm.recordPutAway: where the accepted part of each lot was put
 * (上架: storage location and bin, form field putAway; the form only offers a
 * location's own bins and the server held it to that when the task completed).
 */
export async function recordPutAwayStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const planId = String(variables.planId ?? "");
  const putAway = (variables.putAway ?? {}) as PutAway;
  await db.$transaction(async (tx) => {
    const lots = await tx.shipmentLot.findMany({ where: { planId }, select: { id: true, lotNumber: true } });
    const at = now();
    for (const lot of lots) {
      const p = putAway[lot.id];
      if (p) await tx.shipmentLot.update({ where: { id: lot.id }, data: { locationCode: p.location, binCode: p.bin, putAwayAt: at } });
    }
    await writeAudit(tx, SYSTEM, { action: "shipment_lot.put_away", entity: "DeliveryPlan", entityId: planId, after: { lots: lots.filter((l) => putAway[l.id]).map((l) => ({ lotNumber: l.lotNumber, ...putAway[l.id] })) } });
  });
  return { lotRows: await lotRowsOf(db, planId) };
}
