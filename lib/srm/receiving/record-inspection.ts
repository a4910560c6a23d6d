import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import { nextBusinessKey } from "../../workflow/business-key";
import { now } from "../../workflow/clock";
import type { ServiceContext } from "../../workflow/service-handler";
import { binChoices, completedBy, lotRowsOf, QUARANTINE_LOCATION } from "./lot-rows";

type Inspection = Record<string, { sampled: number; result: string; rejected: number; defect?: string; note?: string }>;

/**
 * Service task srm.recordInspection: quality's verdict per lot (form field inspection).
 * The lot splits: the accepted part (counted − rejected) goes on to put-away, the
 * rejected part to the quarantine location and onto one return to the supplier
 * (SupplierReturn, seen in the portal). Once per plan: a repeat finds the return.
 * Returns the rows and the put-away choices for the next step.
 */
export async function recordInspectionStep(ctx: ServiceContext) {
  const { db, variables } = ctx;
  const planId = String(variables.planId ?? "");
  const verdicts = (variables.inspection ?? {}) as Inspection;
  const inspectorId = await completedBy(db, ctx.instanceId, "quality_inspection");
  const existing = await db.supplierReturn.findUnique({ where: { planId }, select: { number: true } });
  const rejectsAny = Object.values(verdicts).some((v) => v.rejected > 0);
  const number = existing || !rejectsAny ? null : await nextBusinessKey(db, SYSTEM, "supplier_return");
  const returnNumber = await db.$transaction(async (tx) => {
    const plan = await tx.deliveryPlan.findUnique({ where: { id: planId }, select: { supplierId: true } });
    if (!plan) throw new Error(`delivery plan ${planId} not found`);
    const lots = await tx.shipmentLot.findMany({ where: { planId }, include: { planLine: { select: { orderLineId: true } } } });
    const at = now();
    const rejected: { lotId: string; orderLineId: string; lotNumber: string; quantity: number; defectType: string | null; note: string | null }[] = [];
    for (const lot of lots) {
      const v = verdicts[lot.id];
      if (!v) continue;
      const counted = Number(lot.countedQuantity ?? lot.shippedQuantity);
      const out = Math.min(v.rejected, counted);
      await tx.shipmentLot.update({
        where: { id: lot.id },
        data: { sampledQuantity: v.sampled, rejectedQuantity: out, acceptedQuantity: counted - out, inspectionResult: v.result, defectType: v.result === "pass" ? null : (v.defect ?? null), inspectionNote: v.note ?? null, inspectedById: inspectorId, inspectedAt: at },
      });
      if (out > 0) rejected.push({ lotId: lot.id, orderLineId: lot.planLine.orderLineId, lotNumber: lot.lotNumber, quantity: out, defectType: v.defect ?? null, note: v.note ?? null });
    }
    await writeAudit(tx, SYSTEM, { action: "shipment_lot.inspected", entity: "DeliveryPlan", entityId: planId, after: { verdicts: lots.map((l) => ({ lotNumber: l.lotNumber, ...verdicts[l.id] })) } });
    const again = await tx.supplierReturn.findUnique({ where: { planId }, select: { number: true } });
    if (again || !rejected.length || !number) return again?.number ?? null;
    const ret = await tx.supplierReturn.create({ data: { number, supplierId: plan.supplierId, planId, locationCode: QUARANTINE_LOCATION, instanceId: ctx.instanceId, lines: { create: rejected } } });
    await writeAudit(tx, SYSTEM, { action: "supplier_return.create", entity: "SupplierReturn", entityId: ret.id, after: { number, planId, location: QUARANTINE_LOCATION, lines: rejected.map(({ lotNumber, quantity, defectType }) => ({ lotNumber, quantity, defectType })) } });
    return number;
  });
  return { lotRows: await lotRowsOf(db, planId), binChoices: await binChoices(db), returnNumber };
}
