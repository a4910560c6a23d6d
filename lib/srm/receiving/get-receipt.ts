import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { unitLabels } from "../unit-labels";
import { defectLabels } from "./defect-labels";

/**
 * One goods receipt of the library: per order line and lot what the supplier shipped,
 * what was counted, accepted and rejected, the inspection's result and defect, where
 * the accepted goods were put (location and bin, by name), the return of the rejected
 * goods, and the ERP's number once posted.
 */
export async function getReceipt(db: Db, who: Actor, id: string) {
  requirePermission(who, "srm.view");
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  const r = await db.goodsReceipt.findUnique({
    where: { id },
    include: {
      order: { select: { id: true, number: true, supplier: { select: { id: true, code: true, name: true } } } },
      deliveryPlan: { select: { id: true, number: true, waybillNo: true, shippedAt: true, returns: { select: { id: true, number: true } } } },
      lines: { include: { orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } }, shipmentLot: true } },
    },
  });
  if (!r) throw new AppError("not_found");
  const receiver = r.receivedById ? await db.employee.findUnique({ where: { id: r.receivedById }, select: { name: true } }) : null;
  const unit = await unitLabels(db, r.lines.map((l) => l.orderLine.unitCode));
  const defect = await defectLabels(db);
  const places = await db.masterData.findMany({ where: { OR: [{ kind: "location", code: { in: r.lines.map((l) => l.locationCode ?? "") } }, { kind: "bin", code: { in: r.lines.map((l) => l.binCode ?? "") } }] }, select: { kind: true, code: true, name: true } });
  const placeName = (kind: "location" | "bin", code: string | null) => (code ? (places.find((p) => p.kind === kind && p.code === code)?.name ?? code) : null);
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id,
    number: r.number,
    receivedAt: r.receivedAt,
    receivedBy: receiver?.name ?? null,
    // The built-in connector's shipment id is "receipt:<receipt number>": its document is the receipt itself.
    erpId: r.erpId?.replace(/^receipt:/, "") ?? null,
    order: { id: r.order.id, number: r.order.number },
    supplier: r.order.supplier,
    plan: r.deliveryPlan ? { number: r.deliveryPlan.number, waybillNo: r.deliveryPlan.waybillNo, shippedAt: r.deliveryPlan.shippedAt } : null,
    returns: r.deliveryPlan?.returns ?? [],
    lines: r.lines
      .map((l) => ({
        id: l.id,
        lineNo: l.orderLine.lineNo,
        productCode: l.orderLine.productCode,
        description: l.orderLine.description,
        unit: unit(l.orderLine.unitCode),
        lotNumber: l.lotNumber,
        shipped: n(l.shipmentLot?.shippedQuantity),
        counted: n(l.shipmentLot?.countedQuantity),
        accepted: Number(l.acceptedQuantity),
        rejected: Number(l.rejectedQuantity),
        result: l.shipmentLot?.inspectionResult ?? null,
        defect: defect(l.shipmentLot?.defectType ?? null),
        location: placeName("location", l.locationCode),
        bin: placeName("bin", l.binCode),
      }))
      .sort((a, b) => a.lineNo - b.lineNo || (a.lotNumber ?? "").localeCompare(b.lotNumber ?? "")),
  };
}

export type ReceiptDetail = Awaited<ReturnType<typeof getReceipt>>;
