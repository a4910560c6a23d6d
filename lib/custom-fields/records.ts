import "server-only";
import { Prisma } from "../db/generated/client";
import type { Permission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import type { CustomFieldEntity } from "./custom-fields.schema";

/**
 * What the custom fields need to know about each record type: its table (for
 * the JSONB containment query that uses the GIN index), who may change its
 * custom values, and how the change is named in the audit log.
 */
type RecordKind = {
  table: Prisma.Sql;
  manage: Permission;
  auditEntity: string;
  /** The audit action of a change of the custom values. */
  action: string;
  read: (tx: Tx, id: string) => Promise<{ id: string; custom: Prisma.JsonValue } | null>;
  write: (tx: Tx, id: string, custom: Prisma.InputJsonObject) => Promise<unknown>;
};

const ONLY_CUSTOM = { id: true, custom: true } as const;

export const CUSTOM_RECORDS: Record<CustomFieldEntity, RecordKind> = {
  supplier: {
    table: Prisma.raw('"Supplier"'),
    manage: "supplier.manage",
    auditEntity: "Supplier",
    action: "supplier.custom_update",
    read: (tx, id) => tx.supplier.findUnique({ where: { id }, select: ONLY_CUSTOM }),
    write: (tx, id, custom) => tx.supplier.update({ where: { id }, data: { custom } }),
  },
  purchase_order: {
    table: Prisma.raw('"PurchaseOrder"'),
    manage: "purchase_order.manage",
    auditEntity: "PurchaseOrder",
    action: "purchase_order.custom_update",
    read: (tx, id) => tx.purchaseOrder.findUnique({ where: { id }, select: ONLY_CUSTOM }),
    write: (tx, id, custom) => tx.purchaseOrder.update({ where: { id }, data: { custom } }),
  },
};

/** Locks a record's row for a read-modify-write of its custom values. */
export async function lockRecord(tx: Tx, entity: CustomFieldEntity, id: string) {
  await tx.$executeRaw`SELECT 1 FROM ${CUSTOM_RECORDS[entity].table} WHERE "id" = ${id} FOR UPDATE`;
}

/** Ids of the records whose custom values contain `values` (custom @> '{...}'), at most `limit`. */
export async function idsContaining(db: Db, entity: CustomFieldEntity, values: Record<string, string | boolean>, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${CUSTOM_RECORDS[entity].table} WHERE "custom" @> ${JSON.stringify(values)}::jsonb LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
