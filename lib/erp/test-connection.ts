import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { now } from "../workflow/clock";
import { loadConnection } from "./connection";
import { connectorFor } from "./get-connector";
import { withSyncLog } from "./sync-log";

export type ConnectionTest = { ok: true; version: string; detail: string } | { ok: false; message: string };

/** The "test connection" button: asks the ERP, keeps the answer as the connection's health, logs the call. */
export async function testConnection(db: Db, who: Actor): Promise<ConnectionTest> {
  requirePermission(who, "integration.manage");
  const conn = await loadConnection(db);
  let result: ConnectionTest;
  try {
    const connector = connectorFor(db, conn);
    const check = await withSyncLog(db, { connector: conn.kind, direction: "read", operation: "read.testConnection" }, () => connector.testConnection());
    result = { ok: true, version: check.version, detail: check.detail };
  } catch (e) {
    result = { ok: false, message: e instanceof Error ? e.message.slice(0, 500) : String(e) };
  }
  const health = { healthOk: result.ok, healthAt: now(), healthMessage: result.ok ? `${result.version} ${result.detail}`.slice(0, 500) : result.message };
  await db.erpConnection.upsert({ where: { id: "default" }, create: { id: "default", kind: conn.kind, ...health }, update: health });
  return result;
}
