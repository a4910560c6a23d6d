import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { pageWindow } from "../paging/page-window";
import { now } from "../workflow/clock";
import { shanghaiDay } from "./on-time-delivery";
import { PORTAL_PAGE_SIZE, type PortalListQuery } from "./portal-lists.schema";
import type { PlanStatus } from "./srm-lists.schema";
import { unitLabels } from "./unit-labels";

/** A planned delivery is overdue from the Shanghai day after its planned date. */
const overdue = (status: string, plannedDate: Date | null, today: string) => status === "planned" && !!plannedDate && shanghaiDay(plannedDate) < today;

/**
 * The signed-in supplier's delivery plans (status filter, plan or order number search):
 * open plans (planned) soonest first, then the rest newest first; each with its order,
 * planned date (overdue marked), shipped date, waybill and lines (product, quantity,
 * unit). The supplier comes from the session actor, never from the request.
 */
export async function listPortalDeliveries(db: Db, who: Actor | null, q: PortalListQuery, pageSize = PORTAL_PAGE_SIZE) {
  const { supplierId } = requireSupplierUser(who);
  const where: Prisma.DeliveryPlanWhereInput = {
    supplierId,
    ...(q.status !== "all" ? { status: q.status as PlanStatus } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { order: { number: { contains: q.q, mode: "insensitive" } } }] } : {}),
  };
  const total = await db.deliveryPlan.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, q.page, pageSize);
  const orderBy: Prisma.DeliveryPlanOrderByWithRelationInput[] =
    q.status === "planned" ? [{ plannedDate: { sort: "asc", nulls: "last" } }, { number: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }];
  const rows = await db.deliveryPlan.findMany({ where, orderBy, skip, take, select: PLAN_SELECT });
  return { rows: await describePlans(db, rows), total, page, pageCount };
}

/** The supplier's planned deliveries, soonest first (the home's "deliveries due"), and how many there are. */
export async function portalDeliveriesDue(db: Db, supplierId: string, take: number) {
  const where = { supplierId, status: "planned" as const };
  const [rows, total] = await Promise.all([
    db.deliveryPlan.findMany({ where, orderBy: [{ plannedDate: { sort: "asc", nulls: "last" } }, { number: "asc" }], take, select: PLAN_SELECT }),
    db.deliveryPlan.count({ where }),
  ]);
  return { rows: await describePlans(db, rows), total };
}

const PLAN_SELECT = {
  id: true,
  number: true,
  status: true,
  plannedDate: true,
  shippedAt: true,
  waybillNo: true,
  order: { select: { id: true, number: true } },
  lines: { select: { quantity: true, plannedDate: true, orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } } } },
} satisfies Prisma.DeliveryPlanSelect;

type PlanRow = Prisma.DeliveryPlanGetPayload<{ select: typeof PLAN_SELECT }>;

async function describePlans(db: Db, rows: PlanRow[]) {
  const unit = await unitLabels(db, rows.flatMap((p) => p.lines.map((l) => l.orderLine.unitCode)));
  const today = shanghaiDay(now());
  return rows.map(({ lines, ...p }) => ({
    ...p,
    overdue: overdue(p.status, p.plannedDate, today),
    lines: lines
      .map((l) => ({ lineNo: l.orderLine.lineNo, productCode: l.orderLine.productCode, description: l.orderLine.description, unit: unit(l.orderLine.unitCode), quantity: Number(l.quantity) }))
      .sort((a, b) => a.lineNo - b.lineNo),
  }));
}

export type PortalDeliveryRow = Awaited<ReturnType<typeof describePlans>>[number];
