import "server-only";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { now } from "./clock";

/** Readable prefixes of the shipped processes; others are made from the key's words. */
const PREFIXES: Record<string, string> = { purchase_requisition: "PR", quality_issue: "QI" };

export function businessKeyPrefix(processKey: string): string {
  if (PREFIXES[processKey]) return PREFIXES[processKey];
  const initials = processKey
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join("")
    .slice(0, 4);
  return initials || "BP";
}

/** The calendar day in the company's time zone (the app shows Asia/Shanghai everywhere). */
function dayStamp(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}${get("month")}${get("day")}`;
}

/**
 * The next business key of a process for today, e.g. PR-20261128-0001.
 *
 * Keys are handed out under a transaction-scoped advisory lock per prefix and
 * day, and each one is recorded as an audit row (entity "BusinessKey") in the
 * same transaction; that row is also the counter. So two callers never get the
 * same key, on PostgreSQL with many app instances as on PGlite, without a
 * counter table. A key whose process then fails to start leaves a gap, never a
 * duplicate.
 */
export async function nextBusinessKey(db: Db, actor: Actor, processKey: string, at: Date = now()): Promise<string> {
  const stem = `${businessKeyPrefix(processKey)}-${dayStamp(at)}-`;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${"business-key:" + stem}))) AS l`;
    let n = (await tx.auditLog.count({ where: { entity: "BusinessKey", entityId: { startsWith: stem } } })) + 1;
    // A key set by other code (an import, another module) is skipped, not reused.
    while (await tx.processInstance.count({ where: { businessKey: `${stem}${String(n).padStart(4, "0")}` } })) n++;
    const key = `${stem}${String(n).padStart(4, "0")}`;
    await writeAudit(tx, actor, { action: "process.business_key", entity: "BusinessKey", entityId: key, after: { processKey } });
    return key;
  });
}
