import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { getConnector } from "./get-connector";
import { syncNowInput } from "./erp.schema";
import { pollPurchaseOrders } from "./poll-orders";
import { syncMasterData, type SyncCounts } from "./sync-master-data";
import { parseInput } from "../errors/parse-input";

/** The "sync now" button: master data (incremental, or everything with full) and a poll for orders. */
export async function syncNow(db: Db, who: Actor, raw: { full?: boolean }): Promise<SyncCounts & { orders: { seen: number; created: number } }> {
  const actor = requirePermission(who, "integration.manage");
  const { full } = parseInput(syncNowInput, raw);
  const connector = await getConnector(db);
  const counts = await syncMasterData(db, connector, { full });
  const polled = connector.kind === "builtin" ? { orders: 0, created: 0 } : await pollPurchaseOrders(db, connector);
  const result = { ...counts, orders: { seen: polled.orders, created: polled.created } };
  await db.$transaction((tx) => writeAudit(tx, actor, { action: "erp.sync_now", entity: "ErpConnection", entityId: "default", after: { full, ...result } }));
  return result;
}
