import "server-only";
import type { Db, Tx } from "../../db/client";
import type { BinChoice, LotRow } from "../../workflow/forms";

/** Where rejected goods wait for their return to the supplier (seeded master data). */
export const QUARANTINE_LOCATION = "WH01-QC";

const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

/**
 * The plan's lots as the receiving forms show them (instance variable lotRows): plan
 * line order, then the supplier's order of lots; each with the product's name and unit
 * and what each step recorded so far.
 */
export async function lotRowsOf(db: Db | Tx, planId: string): Promise<LotRow[]> {
  const lots = await db.shipmentLot.findMany({
    where: { planId },
    include: { planLine: { include: { orderLine: { select: { lineNo: true, description: true, productCode: true, unitCode: true } } } } },
  });
  lots.sort((a, b) => a.planLine.orderLine.lineNo - b.planLine.orderLine.lineNo || a.position - b.position);
  return lots.map((l) => {
    const ol = l.planLine.orderLine;
    const row: LotRow = { key: l.id, lineKey: l.planLineId, label: `${ol.lineNo}. ${ol.productCode} ${ol.description}`, unit: ol.unitCode, lotNumber: l.lotNumber, shipped: Number(l.shippedQuantity) };
    const extra = { counted: num(l.countedQuantity), sampled: num(l.sampledQuantity), accepted: num(l.acceptedQuantity), rejected: num(l.rejectedQuantity), result: l.inspectionResult ?? undefined, defect: l.defectType ?? undefined, location: l.locationCode ?? undefined, bin: l.binCode ?? undefined };
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) Object.assign(row, { [k]: v });
    return row;
  });
}

/** The storage locations (not receiving or quarantine) with their active bins: the put-away choices. */
export async function binChoices(db: Db | Tx): Promise<BinChoice[]> {
  const [locations, bins] = await Promise.all([
    db.masterData.findMany({ where: { kind: "location", active: true }, orderBy: { code: "asc" } }),
    db.masterData.findMany({ where: { kind: "bin", active: true }, orderBy: { code: "asc" } }),
  ]);
  return locations
    .map((l) => ({
      location: l.code,
      labelZh: l.name,
      labelEn: l.code,
      bins: bins.filter((b) => (b.attrs as { locationCode?: string }).locationCode === l.code).map((b) => ({ code: b.code, labelZh: b.name, labelEn: b.code })),
    }))
    .filter((c) => c.bins.length > 0);
}

/** Who completed the instance's task with this form last (the step's actor for the records). */
export async function completedBy(db: Db, instanceId: string, formKey: string): Promise<string | null> {
  const task = await db.task.findFirst({ where: { instanceId, formKey, status: "completed" }, orderBy: { completedAt: "desc" }, select: { completedById: true } });
  return task?.completedById ?? null;
}
