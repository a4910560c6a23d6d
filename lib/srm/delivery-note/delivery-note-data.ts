import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requirePermission, requireSupplierUser } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { unitLabels } from "../unit-labels";

/**
 * What a delivery note prints (SRM-8): the receiving company (the organisation's root),
 * the supplier, the plan with its order, planned and shipped dates and waybill, and its
 * lines with product, quantity and unit, and the lots the shipping notice gave. A portal user gets only its own supplier's
 * plans (another's id is not_found, as if it did not exist); an employee needs srm.view.
 */
export async function deliveryNoteData(db: Db, who: Actor | null, planId: string) {
  const supplierId = who?.realm === "supplier" ? requireSupplierUser(who).supplierId : (requirePermission(who, "srm.view"), null);
  if (!z.string().uuid().safeParse(planId).success) throw new AppError("not_found");
  const plan = await db.deliveryPlan.findFirst({
    where: { id: planId, ...(supplierId ? { supplierId } : {}) },
    select: {
      number: true,
      status: true,
      plannedDate: true,
      shippedAt: true,
      waybillNo: true,
      order: { select: { number: true } },
      supplier: { select: { code: true, name: true, contactName: true, contactPhone: true, address: true } },
      lines: {
        select: {
          quantity: true,
          orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } },
          lots: { orderBy: { position: "asc" }, select: { lotNumber: true, shippedQuantity: true } },
        },
      },
    },
  });
  if (!plan) throw new AppError("not_found");
  const [company, unit] = await Promise.all([
    db.department.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" }, select: { nameZh: true, nameEn: true } }),
    unitLabels(db, plan.lines.map((l) => l.orderLine.unitCode)),
  ]);
  return {
    number: plan.number,
    status: plan.status,
    orderNumber: plan.order.number,
    plannedDate: plan.plannedDate,
    shippedAt: plan.shippedAt,
    waybillNo: plan.waybillNo,
    company: company ?? { nameZh: "", nameEn: "" },
    supplier: plan.supplier,
    lines: plan.lines
      .map((l) => ({
        lineNo: l.orderLine.lineNo,
        productCode: l.orderLine.productCode,
        description: l.orderLine.description,
        unit: unit(l.orderLine.unitCode),
        // Once the supplier's notice is given: what ships and in which lots; before it, the planned quantity.
        quantity: l.lots.length ? l.lots.reduce((n, lot) => n + Number(lot.shippedQuantity), 0) : Number(l.quantity),
        lots: l.lots.map((lot) => ({ lotNumber: lot.lotNumber, quantity: Number(lot.shippedQuantity) })),
      }))
      .sort((a, b) => a.lineNo - b.lineNo),
  };
}

export type DeliveryNoteData = Awaited<ReturnType<typeof deliveryNoteData>>;
