import "server-only";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import { customFilterCondition, customSearchConditions } from "../custom-fields/list-filters";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { OrderStatus, PlanStatus, SrmListQuery } from "./srm-lists.schema";

/** Narrows a list to one supplier (the supplier archive) and sets its page size. */
export type ListScope = { supplierId?: string; pageSize?: number };

const supplierMatch = (q: string): Prisma.SupplierWhereInput => ({ OR: [{ code: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] });

/**
 * The purchase-order list's filter, shared by the list and its Excel export: supplier
 * (scope), status, q in the number, the supplier and the custom fields shown in the list,
 * and the custom-field filters (cf_<key>=value).
 */
export async function purchaseOrderWhere(db: Db, q: SrmListQuery, scope: ListScope = {}): Promise<Prisma.PurchaseOrderWhereInput> {
  const fields = await loadCustomFields(db, "purchase_order");
  const custom = await customFilterCondition(db, "purchase_order", fields, q.cf);
  return {
    ...(scope.supplierId ? { supplierId: scope.supplierId } : {}),
    ...(q.status !== "all" ? { status: q.status as OrderStatus } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { supplier: supplierMatch(q.q) }, ...customSearchConditions(fields, q.q)] } : {}),
    ...(custom ? { AND: [custom] } : {}),
  };
}

/** The delivery-plan list's filter, shared by the list and its Excel export: supplier (scope), status, q in plan or order number or the supplier. */
export function deliveryPlanWhere(q: SrmListQuery, scope: ListScope = {}): Prisma.DeliveryPlanWhereInput {
  return {
    ...(scope.supplierId ? { supplierId: scope.supplierId } : {}),
    ...(q.status !== "all" ? { status: q.status as PlanStatus } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { order: { number: { contains: q.q, mode: "insensitive" } } }, { supplier: supplierMatch(q.q) }] } : {}),
  };
}
