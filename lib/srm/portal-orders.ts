import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { countedPage } from "../paging/page-window";
import { now } from "../workflow/clock";
import { shanghaiDay } from "./on-time-delivery";
import { orderLineFigures } from "./order-line-figures";
import { PORTAL_PAGE_SIZE, type PortalListQuery } from "./portal-lists.schema";
import type { OrderStatus } from "./srm-lists.schema";
import { unitLabels } from "./unit-labels";

const n = (v: unknown) => Number(v);

/**
 * The open confirmation task of each order, offered to this supplier: the link the
 * portal shows while the order waits for it.
 */
async function confirmationTasks(db: Db, supplierId: string, orderIds: string[]): Promise<Map<string, string>> {
  if (!orderIds.length) return new Map();
  const tasks = await db.task.findMany({
    where: { status: "open", candidateSupplierId: supplierId, instance: { recordType: "PurchaseOrder", recordId: { in: orderIds }, status: "running" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, instance: { select: { recordId: true } } },
  });
  const byOrder = new Map<string, string>();
  for (const t of tasks) if (t.instance.recordId && !byOrder.has(t.instance.recordId)) byOrder.set(t.instance.recordId, t.id);
  return byOrder;
}

type OrderListRow = {
  id: string;
  number: string;
  status: OrderStatus;
  orderDate: Date | null;
  confirmedAt: Date | null;
  supplierRef: string | null;
  lines: { quantity: number | string; confirmedQuantity: number | string | null; receivedQuantity: number | string; unitCode: string }[] | null;
  taskId: string | null;
};

/** LIKE's wildcards in a typed search, taken literally. */
const likeLiteral = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The signed-in supplier's purchase orders, newest first (status filter, number search):
 * number, status, dates, line count, ordered/confirmed/received per unit, and the open
 * confirmation task. The supplier comes from the session actor, never from the request.
 * The page is one statement (its lines aggregated, its open confirmation task beside each
 * order), read at once with the count and the unit names: one round trip of wait.
 */
export async function listPortalOrders(db: Db, who: Actor | null, q: PortalListQuery, pageSize = PORTAL_PAGE_SIZE) {
  const { supplierId } = requireSupplierUser(who);
  const filter = Prisma.sql`o."supplierId" = ${supplierId}${q.status !== "all" ? Prisma.sql` AND o."status" = ${q.status}::"PurchaseOrderStatus"` : Prisma.empty}${q.q ? Prisma.sql` AND o."number" ILIKE ${likeLiteral(q.q)}` : Prisma.empty}`;
  const count = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "PurchaseOrder" o WHERE ${filter}`)[0].n;
  const read = (skip: number, take: number) =>
    db.$queryRaw<OrderListRow[]>`SELECT o."id", o."number", o."status", o."orderDate", o."confirmedAt", o."supplierRef",
        (SELECT json_agg(json_build_object('quantity', l."quantity", 'confirmedQuantity', l."confirmedQuantity", 'receivedQuantity', l."receivedQuantity", 'unitCode', l."unitCode") ORDER BY l."lineNo")
           FROM "PurchaseOrderLine" l WHERE l."orderId" = o."id") AS "lines",
        (SELECT t."id" FROM "Task" t JOIN "ProcessInstance" i ON i."id" = t."instanceId"
          WHERE t."candidateSupplierId" = ${supplierId} AND t."status" = 'open' AND i."recordType" = 'PurchaseOrder' AND i."recordId" = o."id" AND i."status" = 'running'
          ORDER BY t."createdAt", t."id" LIMIT 1) AS "taskId"
      FROM "PurchaseOrder" o WHERE ${filter}
      ORDER BY o."createdAt" DESC, o."id" LIMIT ${take} OFFSET ${skip}`;
  const [{ rows, total, page, pageCount }, unit] = await Promise.all([countedPage(count, read, q.page, pageSize), unitLabels(db)]);
  return {
    rows: rows.map(({ lines: read, taskId, ...o }) => {
      const lines = read ?? [];
      const perUnit = new Map<string, { ordered: number; confirmed: number | null; received: number }>();
      const anyConfirmed = lines.some((l) => l.confirmedQuantity !== null);
      for (const l of lines) {
        const q = perUnit.get(l.unitCode) ?? { ordered: 0, confirmed: anyConfirmed ? 0 : null, received: 0 };
        q.ordered += n(l.quantity);
        if (q.confirmed !== null) q.confirmed += n(l.confirmedQuantity ?? 0);
        q.received += n(l.receivedQuantity);
        perUnit.set(l.unitCode, q);
      }
      return { ...o, lines: lines.length, quantities: [...perUnit].map(([code, q]) => ({ unit: unit(code), ...q })), taskId };
    }),
    total,
    page,
    pageCount,
  };
}

/**
 * One of the signed-in supplier's orders: per line ordered (and first asked), confirmed
 * and received quantities and dates with the on-time verdict; its delivery plans and
 * receipts; its open confirmation task. Another supplier's id, an unknown or a malformed
 * one are the same not_found: nothing tells them apart.
 */
export async function getPortalOrder(db: Db, who: Actor | null, id: string) {
  const { supplierId } = requireSupplierUser(who);
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  const po = await db.purchaseOrder.findFirst({
    where: { id, supplierId },
    select: {
      id: true, number: true, status: true, currencyCode: true, orderDate: true, confirmedAt: true, supplierRef: true,
      lines: { orderBy: { lineNo: "asc" } },
      deliveryPlans: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, number: true, status: true, plannedDate: true, shippedAt: true, waybillNo: true } },
      receipts: { orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: { id: true, number: true, receivedAt: true, lines: { select: { orderLineId: true, acceptedQuantity: true, rejectedQuantity: true } } } },
    },
  });
  if (!po) throw new AppError("not_found");
  const [unit, tasks] = await Promise.all([unitLabels(db, po.lines.map((l) => l.unitCode)), confirmationTasks(db, supplierId, [po.id])]);
  const today = shanghaiDay(now());
  const lineOf = new Map(po.lines.map((l) => [l.id, { lineNo: l.lineNo, productCode: l.productCode, unit: unit(l.unitCode) }]));
  const lines = po.lines.map((l) => {
    const receipts = po.receipts.flatMap((r) => r.lines.filter((rl) => rl.orderLineId === l.id).map((rl) => ({ at: r.receivedAt, accepted: rl.acceptedQuantity })));
    const figures = orderLineFigures(l, receipts, today);
    return { ...figures, unit: unit(l.unitCode), delivery: figures.delivery.state };
  });
  const { lines: _lines, receipts, ...order } = po;
  return {
    order,
    lines,
    plans: po.deliveryPlans,
    receipts: receipts.map((r) => ({
      id: r.id,
      number: r.number,
      receivedAt: r.receivedAt,
      lines: r.lines.map((rl) => ({ ...(lineOf.get(rl.orderLineId) ?? { lineNo: 0, productCode: "", unit: unit("") }), accepted: n(rl.acceptedQuantity), rejected: n(rl.rejectedQuantity) })).sort((a, b) => a.lineNo - b.lineNo),
    })),
    taskId: tasks.get(po.id) ?? null,
  };
}

export type PortalOrder = Awaited<ReturnType<typeof getPortalOrder>>;
export type PortalOrderRow = Awaited<ReturnType<typeof listPortalOrders>>["rows"][number];
