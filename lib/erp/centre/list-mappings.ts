import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { MASTER_KINDS, type MappingQuery, type MasterKind } from "./centre.schema";

export type MappingList = Awaited<ReturnType<typeof listMappings>>;
export type MappingRow = MappingList["rows"][number];
export type MappingPickers = MappingList["pickers"];

/**
 * The mapping table (local code -> ERP record) with the synced ERP record each row
 * points at, and the pickers for a new row: ERP records read into MasterData and
 * the local codes in use.
 */
export async function listMappings(db: Db, who: Actor, q: MappingQuery) {
  requirePermission(who, "integration.view");
  const entityFilter = q.entity === "all" ? {} : { entity: q.entity };
  const [mappings, erpRecords] = await Promise.all([
    db.erpMapping.findMany({ where: entityFilter, orderBy: [{ entity: "asc" }, { localCode: "asc" }] }),
    db.masterData.findMany({
      where: { erpId: { not: null }, ...(q.entity === "all" ? {} : { kind: q.entity }) },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, kind: true, code: true, name: true, erpId: true, active: true, syncedAt: true },
      take: 2000,
    }),
  ]);
  const key = (kind: string, erpId: string) => `${kind}\u0000${erpId}`;
  const records = new Map(erpRecords.map((r) => [key(r.kind, r.erpId!), r]));
  const localCodes = await db.masterData.findMany({ select: { kind: true, code: true }, orderBy: [{ kind: "asc" }, { code: "asc" }], take: 5000 });
  const mapped = new Set(mappings.map((m) => key(m.entity, m.erpId)));
  const pickers = Object.fromEntries(
    MASTER_KINDS.map((k) => [
      k,
      {
        erp: erpRecords.filter((r) => r.kind === k).map((r) => ({ erpId: r.erpId!, code: r.code, name: r.name, mapped: mapped.has(key(k, r.erpId!)) })),
        localCodes: [...new Set(localCodes.filter((c) => c.kind === k).map((c) => c.code))],
      },
    ]),
  ) as Record<MasterKind, { erp: { erpId: string; code: string; name: string; mapped: boolean }[]; localCodes: string[] }>;
  return {
    rows: mappings.map((m) => {
      const r = records.get(key(m.entity, m.erpId));
      return { ...m, record: r ? { code: r.code, name: r.name, active: r.active, syncedAt: r.syncedAt } : null };
    }),
    pickers,
    query: q,
  };
}
