import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ConnectorKind } from "./connector";

/** Payloads above this are cut: the log is for reading, not for replaying 10,000 rows. */
const MAX_PAYLOAD_CHARS = 8_000;

export type SyncLogMeta = {
  connector: ConnectorKind;
  direction: "read" | "write" | "event";
  /** e.g. "read.products", "write.upsertParty", "event.purchaseOrders" */
  operation: string;
  request?: unknown;
  jobId?: string | null;
  idempotencyKey?: string | null;
};

function trimPayload(v: unknown): Prisma.InputJsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  let text: string;
  try {
    text = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  } catch {
    return { unserializable: true };
  }
  if (text === undefined) return undefined;
  if (text.length <= MAX_PAYLOAD_CHARS) return JSON.parse(text) as Prisma.InputJsonValue;
  return { truncated: true, chars: text.length, head: text.slice(0, MAX_PAYLOAD_CHARS) };
}

function errorText(e: unknown): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const detail = (e as { detail?: unknown })?.detail;
  const extra = detail === undefined ? "" : ` ${JSON.stringify(trimPayload(detail) ?? null)}`;
  return (msg + extra).slice(0, 4000);
}

/**
 * Runs one connector call and records it (ok or failed, duration, rows, payloads).
 * The call's own error is rethrown unchanged; a failure to write the log row is
 * swallowed so that logging never turns a done write into a retried one.
 */
export async function withSyncLog<T>(db: Db, meta: SyncLogMeta, call: () => Promise<T>, rowsOf: (r: T) => number = defaultRows): Promise<T> {
  const t0 = performance.now();
  const base = { connector: meta.connector, direction: meta.direction, operation: meta.operation, request: trimPayload(meta.request), jobId: meta.jobId ?? null, idempotencyKey: meta.idempotencyKey ?? null };
  try {
    const result = await call();
    await write(db, { ...base, status: "ok", durationMs: Math.round(performance.now() - t0), rows: rowsOf(result), response: trimPayload(result) });
    return result;
  } catch (e) {
    await write(db, { ...base, status: "failed", durationMs: Math.round(performance.now() - t0), rows: 0, error: errorText(e) });
    throw e;
  }
}

async function write(db: Db, data: Prisma.ErpSyncLogUncheckedCreateInput) {
  try {
    await db.erpSyncLog.create({ data });
  } catch {
    // The log is best effort (see above).
  }
}

function defaultRows(r: unknown): number {
  if (Array.isArray(r)) return r.length;
  if (r && typeof r === "object") {
    const o = r as { items?: unknown[]; orders?: unknown[] };
    if (Array.isArray(o.items)) return o.items.length;
    if (Array.isArray(o.orders)) return o.orders.length;
    return 1;
  }
  return r === undefined || r === null ? 0 : 1;
}
