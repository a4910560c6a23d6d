import "server-only";
import type { Db, Tx } from "../db/client";
import type { ErpConnector, ErpMasterRecord, ErpPage, ErpParty, ErpProduct, MasterDataKind, PartyRole } from "./connector";
import { readCursor, writeCursor } from "./cursor";
import { upsertParties, upsertProducts } from "./sync-upserts";
import { withSyncLog } from "./sync-log";

const KINDS: MasterDataKind[] = ["currency", "unit", "paymentTerm", "tax", "warehouse", "location"];
const PAGE = 1000;

type Count = { read: number; written: number };
export type SyncCounts = { skipped: boolean; masterData: Count; products: Count; suppliers: Count; customers: Count; durationMs: number };

/**
 * Reads master data from the ERP into the app. Code lists are read whole and only
 * changed rows written; products and parties are read incrementally (cursor per
 * stream in ErpCursor, `full` starts over) and written a page at a time with one
 * set-based statement each, so 10,000 products take seconds and a sync with
 * nothing new costs one read per stream.
 */
export async function syncMasterData(db: Db, connector: ErpConnector, opts: { full?: boolean; jobId?: string | null } = {}): Promise<SyncCounts> {
  const t0 = Date.now();
  const zero = () => ({ read: 0, written: 0 });
  const counts: SyncCounts = { skipped: false, masterData: zero(), products: zero(), suppliers: zero(), customers: zero(), durationMs: 0 };
  const log = { connector: connector.kind, jobId: opts.jobId ?? null };
  // The built-in connector reads the app's own tables: there is nothing to copy, but
  // the read is still logged so the sync log shows what "sync now" looked at.
  if (connector.kind === "builtin") {
    for (const kind of KINDS) {
      const records = await withSyncLog(db, { ...log, direction: "read", operation: `read.masterData.${kind}` }, () => connector.readMasterData(kind));
      counts.masterData.read += records.length;
    }
    return { ...counts, skipped: true, durationMs: Date.now() - t0 };
  }

  for (const kind of KINDS) {
    const records = await withSyncLog(db, { ...log, direction: "read", operation: `read.masterData.${kind}` }, () => connector.readMasterData(kind));
    counts.masterData.read += records.length;
    counts.masterData.written += await saveCodeList(db, kind, records);
  }

  counts.products = await stream(db, "erp.products", opts.full, (since, page) =>
    withSyncLog(db, { ...log, direction: "read", operation: "read.products", request: { since, page } }, () => connector.readProducts(since, page, PAGE)),
    (items: ErpProduct[]) => upsertProducts(db, items));
  for (const role of ["supplier", "customer"] as PartyRole[]) {
    counts[role === "supplier" ? "suppliers" : "customers"] = await stream(db, `erp.${role}s`, opts.full, (since, page) =>
      withSyncLog(db, { ...log, direction: "read", operation: `read.${role}s`, request: { since, page } }, () => connector.readParties(role, since, page, PAGE)),
      (items: ErpParty[]) => upsertParties(db, role, items));
  }
  counts.durationMs = Date.now() - t0;
  return counts;
}

/** Reads one incremental stream page by page; the cursor moves only after the whole stream was saved. */
async function stream<T extends { writeAt: string }>(db: Db, key: string, full: boolean | undefined, read: (since: string | null, page: string | null) => Promise<ErpPage<T>>, save: (items: T[]) => Promise<number>): Promise<Count> {
  const since = full ? null : await readCursor(db, key);
  let page: string | null = null;
  let max = since;
  const count: Count = { read: 0, written: 0 };
  do {
    const res: ErpPage<T> = await read(since, page);
    if (res.items.length) count.written += await save(res.items);
    count.read += res.items.length;
    for (const it of res.items) if (!max || it.writeAt > max) max = it.writeAt;
    page = res.next;
  } while (page);
  if (max && max !== since) await writeCursor(db, key, max);
  return count;
}

/** The local code of an ERP record: its own code, else the mapping's, else a generated one. */
async function saveCodeList(db: Db, kind: MasterDataKind, records: ErpMasterRecord[]): Promise<number> {
  const [existing, mappings] = await Promise.all([
    db.masterData.findMany({ where: { kind } }),
    db.erpMapping.findMany({ where: { entity: kind } }),
  ]);
  const byErp = new Map(mappings.map((m) => [m.erpId, m.localCode]));
  const byCode = new Map(existing.map((r) => [r.code, r]));
  const seen = new Set<string>();
  const writes: ((tx: Tx) => Promise<unknown>)[] = [];
  const at = new Date();
  for (const r of records) {
    const code = r.code ?? byErp.get(r.erpId) ?? `${kind}-${r.erpId}`;
    if (seen.has(code)) continue;
    seen.add(code);
    const row = byCode.get(code);
    const data = { name: r.name, attrs: r.attrs as object, active: r.active, erpId: r.erpId };
    if (row && row.name === data.name && row.active === data.active && row.erpId === data.erpId && JSON.stringify(row.attrs) === JSON.stringify(data.attrs)) continue;
    writes.push((tx) => tx.masterData.upsert({ where: { kind_code: { kind, code } }, create: { kind, code, ...data, syncedAt: at }, update: { ...data, syncedAt: at } }));
  }
  // Rows that came from the ERP and are gone there (or now carry another code) stop being offered.
  const gone = existing.filter((r) => r.erpId && r.active && !seen.has(r.code)).map((r) => r.id);
  if (gone.length) writes.push((tx) => tx.masterData.updateMany({ where: { id: { in: gone } }, data: { active: false, syncedAt: at } }));
  if (!writes.length) return 0;
  await db.$transaction(async (tx) => {
    for (const w of writes) await w(tx);
  });
  return writes.length;
}
