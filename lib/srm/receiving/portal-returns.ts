import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { requireSupplierUser } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { pageWindow } from "../../paging/page-window";
import { PORTAL_PAGE_SIZE, type PortalListQuery } from "../portal-lists.schema";
import { unitLabels } from "../unit-labels";
import { defectLabels } from "./defect-labels";

const LINE_SELECT = { lotNumber: true, quantity: true, defectType: true, note: true, orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } } } as const;
const RETURN_SELECT = { id: true, number: true, createdAt: true, locationCode: true, plan: { select: { number: true, waybillNo: true, order: { select: { id: true, number: true } } } }, lines: { select: LINE_SELECT } } as const;

type Row = { id: string; number: string; createdAt: Date; locationCode: string; plan: { number: string; waybillNo: string | null; order: { id: string; number: string } }; lines: { lotNumber: string; quantity: unknown; defectType: string | null; note: string | null; orderLine: { lineNo: number; productCode: string; description: string; unitCode: string } }[] };

async function describe(db: Db, rows: Row[]) {
  const unit = await unitLabels(db, rows.flatMap((r) => r.lines.map((l) => l.orderLine.unitCode)));
  const defect = await defectLabels(db);
  const locations = new Map((await db.masterData.findMany({ where: { kind: "location", code: { in: [...new Set(rows.map((r) => r.locationCode))] } }, select: { code: true, name: true } })).map((l) => [l.code, l.name]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    createdAt: r.createdAt,
    location: locations.get(r.locationCode) ?? r.locationCode,
    planNumber: r.plan.number,
    waybillNo: r.plan.waybillNo,
    order: r.plan.order,
    lines: r.lines
      .map((l) => ({ lineNo: l.orderLine.lineNo, productCode: l.orderLine.productCode, description: l.orderLine.description, unit: unit(l.orderLine.unitCode), lotNumber: l.lotNumber, quantity: Number(l.quantity), defect: defect(l.defectType), note: l.note }))
      .sort((a, b) => a.lineNo - b.lineNo || a.lotNumber.localeCompare(b.lotNumber)),
  }));
}

/**
 * Goods the company rejected at incoming inspection and returns (SupplierReturn), as
 * the signed-in supplier sees them: its own only (the supplier comes from the session),
 * newest first; `q` a return, order or plan number.
 */
export async function listPortalReturns(db: Db, who: Actor | null, q: PortalListQuery, pageSize = PORTAL_PAGE_SIZE) {
  const { supplierId } = requireSupplierUser(who);
  const where = {
    supplierId,
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" as const } }, { plan: { number: { contains: q.q, mode: "insensitive" as const } } }, { plan: { order: { number: { contains: q.q, mode: "insensitive" as const } } } }] } : {}),
  };
  const total = await db.supplierReturn.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, pageSize);
  const rows = await db.supplierReturn.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip, take, select: RETURN_SELECT });
  return { rows: await describe(db, rows), total, page, pageCount };
}

/** One return of the signed-in supplier; another supplier's, or none, is the same not_found. */
export async function getPortalReturn(db: Db, who: Actor | null, id: string) {
  const { supplierId } = requireSupplierUser(who);
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  const row = await db.supplierReturn.findFirst({ where: { id, supplierId }, select: RETURN_SELECT });
  if (!row) throw new AppError("not_found");
  return (await describe(db, [row]))[0];
}

export type PortalReturn = Awaited<ReturnType<typeof getPortalReturn>>;
