import "server-only";
import type { Db } from "../db/client";

/** Where a poll or an incremental sync left off, per stream ("erp.products", "erp.purchaseOrders", ...). */
export async function readCursor(db: Db, key: string): Promise<string | null> {
  return (await db.erpCursor.findUnique({ where: { key } }))?.value ?? null;
}

export async function writeCursor(db: Db, key: string, value: string) {
  await db.erpCursor.upsert({ where: { key }, create: { key, value }, update: { value } });
}
