import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { listedFields, loadCustomFields } from "../custom-fields/list-custom-fields";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { ownerAccessFor } from "../files/owner-access";
import { listDeliveryPlans, listPurchaseOrders } from "./list-purchasing";
import { supplierOnTimeRate } from "./on-time-delivery";
import { INITIAL_REVIEW } from "./initial-review";
import { RE_REVIEW } from "./re-review";
import { qualityPassRates } from "./receiving/quality-pass-rate";
import { reviewUnderWay } from "./review-rounds";
import type { SrmListQuery } from "./srm-lists.schema";

/** How many of each kind of record the archive shows; the lists behind it have the rest. */
const ARCHIVE_RECENT = 10;
const HISTORY = 20;

const FIRST_PAGE = (tab: SrmListQuery["tab"]): SrmListQuery => ({ tab, status: "all", q: "", page: 1, cf: {} });
/** The history entry whose before/after the archive reads: a change of the custom values (the fields it touched). */
const CUSTOM_UPDATE = "supplier.custom_update";

const byStatus = (rows: { status: string; _count: { _all: number } }[]): Record<string, number> => Object.fromEntries(rows.map((r) => [r.status, r._count._all]));

/**
 * Everything about one supplier at a glance (SRM-5): master data, portal
 * accounts, orders and deliveries with their figures, the processes that
 * concern it, its open portal tasks, its documents (those the viewer may open)
 * the history of changes to it and of what its people did, and its custom
 * fields (switched-off ones that still hold a value included), and its on-time
 * delivery rate (on-time-delivery.ts) and its incoming-inspection lot pass rate,
 * overall and per product category (receiving/quality-pass-rate.ts).
 */
export async function getSupplierArchive(db: Db, who: Actor, id: string) {
  requirePermission(who, "srm.view");
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found");
  const supplier = await db.supplier.findUnique({ where: { id } });
  if (!supplier) throw new AppError("not_found");

  // Processes of its records (orders, deliveries, quality issues) and about the supplier itself (its reviews).
  const concerns = { OR: [{ supplierId: id }, { recordType: "Supplier", recordId: id }] };
  const users = await db.supplierUser.findMany({
    where: { supplierId: id },
    orderBy: [{ active: "desc" }, { username: "asc" }],
    select: { id: true, username: true, name: true, email: true, active: true, createdAt: true },
  });
  const [orders, plans, orderCounts, planCounts, instances, instanceCount, openTasks, files, history, reviewRunning, reReviewRunning, customFields, orderFields, onTime] = await Promise.all([
    listPurchaseOrders(db, who, FIRST_PAGE("orders"), { supplierId: id, pageSize: ARCHIVE_RECENT }),
    listDeliveryPlans(db, who, FIRST_PAGE("deliveries"), { supplierId: id, pageSize: ARCHIVE_RECENT }),
    db.purchaseOrder.groupBy({ by: ["status"], where: { supplierId: id }, _count: { _all: true } }).then(byStatus),
    db.deliveryPlan.groupBy({ by: ["status"], where: { supplierId: id }, _count: { _all: true } }).then(byStatus),
    db.processInstance.findMany({
      where: concerns,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      take: ARCHIVE_RECENT,
      select: { id: true, businessKey: true, status: true, startedAt: true, endedAt: true, definition: { select: { key: true, name: true } } },
    }),
    db.processInstance.count({ where: concerns }),
    db.task.findMany({
      where: { candidateSupplierId: id, status: "open" },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: ARCHIVE_RECENT,
      select: { id: true, name: true, createdAt: true, dueAt: true, instance: { select: { businessKey: true, definition: { select: { name: true } } } } },
    }),
    db.storedFile.findMany({ where: { supplierId: id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 50 }),
    db.auditLog.findMany({
      where: { OR: [{ entity: "Supplier", entityId: id }, { entity: "SupplierUser", entityId: { in: users.map((u) => u.id) } }, { supplierId: id }] },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY,
      select: { id: true, at: true, action: true, entity: true, actorRealm: true, actorId: true, before: true, after: true },
    }),
    reviewUnderWay(db, INITIAL_REVIEW, id),
    reviewUnderWay(db, RE_REVIEW, id),
    loadCustomFields(db, "supplier"),
    loadCustomFields(db, "purchase_order").then(listedFields),
    supplierOnTimeRate(db, who, id),
  ]);

  // Documents (up to ARCHIVE_RECENT): only those the viewer may open, each checked against the record that owns it.
  // Each owner is checked once: most files belong to the supplier itself or to a few of its processes.
  const mayRead = new Map<string, Promise<boolean>>();
  const canRead = (ownerType: string, ownerId: string) => {
    const key = `${ownerType}:${ownerId}`;
    if (!mayRead.has(key)) mayRead.set(key, ownerAccessFor(ownerType)?.canRead(who, ownerId, db) ?? Promise.resolve(false));
    return mayRead.get(key)!;
  };
  const readable = [];
  for (const f of files) {
    if (readable.length >= ARCHIVE_RECENT) break;
    if (await canRead(f.ownerType, f.ownerId)) readable.push({ id: f.id, name: f.name, contentType: f.contentType, size: f.size, createdAt: f.createdAt, ownerType: f.ownerType });
  }

  const actorIds = (realm: string) => [...new Set(history.filter((h) => h.actorRealm === realm && h.actorId).map((h) => h.actorId!))];
  const [employees, portalUsers] = await Promise.all([
    db.employee.findMany({ where: { id: { in: actorIds("employee") } }, select: { id: true, name: true } }),
    db.supplierUser.findMany({ where: { id: { in: actorIds("supplier") } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...employees, ...portalUsers].map((p) => [p.id, p.name]));

  return {
    supplier,
    reviewRunning,
    reReviewRunning,
    users,
    orders: { rows: orders.rows, total: orders.total, byStatus: orderCounts },
    plans: { rows: plans.rows, total: plans.total, byStatus: planCounts },
    instances: { rows: instances.map(({ definition, ...i }) => ({ ...i, processKey: definition.key, processName: definition.name })), total: instanceCount },
    openTasks: openTasks.map(({ instance, ...t }) => ({ ...t, businessKey: instance.businessKey, processName: instance.definition.name })),
    files: readable,
    // Only a custom-value change keeps its before/after, for the history to show what changed.
    history: history.map(({ before, after, ...h }) => ({
      ...h,
      actorName: h.actorId ? (names.get(h.actorId) ?? null) : null,
      customChange: h.action === CUSTOM_UPDATE ? { before, after } : null,
    })),
    customFields,
    orderFields,
    onTime,
    passRates: await qualityPassRates(db, supplier.id),
  };
}

export type SupplierArchive = Awaited<ReturnType<typeof getSupplierArchive>>;
