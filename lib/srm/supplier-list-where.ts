import "server-only";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import { customFilterCondition, customSearchConditions } from "../custom-fields/list-filters";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { SrmListQuery, SupplierStatus } from "./srm-lists.schema";

/**
 * The supplier list's filter, shared by the list and its Excel export: status;
 * q in code, name, contact and the custom fields shown in the list; the
 * custom-field filters (cf_<key>=value, JSONB containment on the GIN index).
 */
export async function supplierListWhere(db: Db, q: SrmListQuery): Promise<Prisma.SupplierWhereInput> {
  const fields = await loadCustomFields(db, "supplier");
  const custom = await customFilterCondition(db, "supplier", fields, q.cf);
  const text = { contains: q.q, mode: "insensitive" } as const;
  return {
    ...(q.status !== "all" ? { status: q.status as SupplierStatus } : {}),
    ...(q.q ? { OR: [{ code: text }, { name: text }, { contactName: text }, ...customSearchConditions(fields, q.q)] } : {}),
    ...(custom ? { AND: [custom] } : {}),
  };
}
