import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { customerNameFields } from "../names/customer-name-fields";
import type { ErpParty, ErpProduct, PartyRole } from "./connector";

// Set-based writes of one page of ERP records: rows already linked by erpId are
// updated (a code renamed in the ERP follows), the rest inserted or linked by code.
// Unchanged rows are left alone, so a re-read page costs reads only. Timestamps
// are written in UTC like Prisma writes them.

export async function upsertProducts(db: Db, items: ErpProduct[]): Promise<number> {
  const rows = dedupe(items).map((p) => ({ erpId: p.erpId, code: p.code, name: p.name, unitCode: p.unitCode, params: p.params ?? {}, active: p.active, writeAt: p.writeAt }));
  const json = JSON.stringify(rows);
  return db.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Product" AS t SET code = r.code, name = r.name, "unitCode" = r."unitCode", params = r.params, active = r.active,
        "erpWriteAt" = (r."writeAt" AT TIME ZONE 'UTC'), "syncedAt" = (now() AT TIME ZONE 'UTC'), "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${json}::jsonb) AS r("erpId" text, code text, name text, "unitCode" text, params jsonb, active boolean, "writeAt" timestamptz)
      WHERE t."erpId" = r."erpId"
        AND (t.code, t.name, t."unitCode", t.params, t.active) IS DISTINCT FROM (r.code, r.name, r."unitCode", r.params, r.active)`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "Product" (id, code, name, "unitCode", params, active, "erpId", "erpWriteAt", "syncedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, r.code, r.name, r."unitCode", r.params, r.active, r."erpId", (r."writeAt" AT TIME ZONE 'UTC'),
        (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${json}::jsonb) AS r("erpId" text, code text, name text, "unitCode" text, params jsonb, active boolean, "writeAt" timestamptz)
      WHERE NOT EXISTS (SELECT 1 FROM "Product" p WHERE p."erpId" = r."erpId")
      ON CONFLICT (code) DO UPDATE SET "erpId" = EXCLUDED."erpId", name = EXCLUDED.name, "unitCode" = EXCLUDED."unitCode", params = EXCLUDED.params,
        active = EXCLUDED.active, "erpWriteAt" = EXCLUDED."erpWriteAt", "syncedAt" = EXCLUDED."syncedAt", "updatedAt" = EXCLUDED."updatedAt"`;
    return updated + inserted;
  });
}

export async function upsertParties(db: Db, role: PartyRole, items: ErpParty[]): Promise<number> {
  const rows = dedupe(items).map((p) => ({ erpId: p.erpId, code: p.code, name: p.name, taxCode: p.taxCode, address: p.address }));
  const json = JSON.stringify(rows);
  if (role === "customer") return upsertCustomers(db, rows);
  return db.$transaction(async (tx) => {
    // Suppliers that come from the ERP already do business with the company: they arrive active.
    const updated = await tx.$executeRaw`
      UPDATE "Supplier" AS t SET code = r.code, name = r.name, "taxCode" = COALESCE(r."taxCode", t."taxCode"), address = COALESCE(r.address, t.address), "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${json}::jsonb) AS r("erpId" text, code text, name text, "taxCode" text, address text)
      WHERE t."erpId" = r."erpId" AND (t.code, t.name, t."taxCode", t.address) IS DISTINCT FROM (r.code, r.name, COALESCE(r."taxCode", t."taxCode"), COALESCE(r.address, t.address))`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "Supplier" (id, code, name, status, "taxCode", address, "erpId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, r.code, r.name, 'active'::"SupplierStatus", r."taxCode", r.address, r."erpId", (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${json}::jsonb) AS r("erpId" text, code text, name text, "taxCode" text, address text)
      WHERE NOT EXISTS (SELECT 1 FROM "Supplier" s WHERE s."erpId" = r."erpId")
      ON CONFLICT (code) DO UPDATE SET "erpId" = EXCLUDED."erpId", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "Supplier"."erpId" IS NULL OR "Supplier"."erpId" = EXCLUDED."erpId"`;
    return updated + inserted;
  });
}

/** A page may name a record twice (written during the read); the last one wins. */
function dedupe<T extends { erpId: string; code: string }>(items: T[]): T[] {
  const byErp = new Map<string, T>();
  for (const it of items) byErp.set(it.erpId, it);
  const byCode = new Map<string, T>();
  for (const it of byErp.values()) byCode.set(it.code, it);
  return [...byCode.values()];
}

type PartyRow = { erpId: string; code: string; name: string; taxCode?: string | null; address?: string | null };

/**
 * Customers from the ERP are customers of record, stored with the searchable forms of
 * their names (the CRM's duplicate check and search find them like the CRM's own).
 */
function upsertCustomers(db: Db, parties: PartyRow[]): Promise<number> {
  const json = JSON.stringify(parties.map((p) => ({ ...p, ...customerNameFields(p.name) })));
  const cols = Prisma.sql`r("erpId" text, code text, name text, "taxCode" text, address text, "nameKey" text, "nameBrand" text, "namePinyin" text, "nameInitials" text)`;
  return db.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Customer" AS t SET code = r.code, name = r.name, "taxCode" = COALESCE(r."taxCode", t."taxCode"), address = COALESCE(r.address, t.address),
        "nameKey" = r."nameKey", "nameBrand" = r."nameBrand", "namePinyin" = r."namePinyin", "nameInitials" = r."nameInitials", "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${json}::jsonb) AS ${cols}
      WHERE t."erpId" = r."erpId" AND (t.code, t.name, t."taxCode", t.address) IS DISTINCT FROM (r.code, r.name, COALESCE(r."taxCode", t."taxCode"), COALESCE(r.address, t.address))`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "Customer" (id, code, name, "taxCode", address, "erpId", stage, "nameKey", "nameBrand", "namePinyin", "nameInitials", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, r.code, r.name, r."taxCode", r.address, r."erpId", 'customer'::"CustomerStage", r."nameKey", r."nameBrand", r."namePinyin", r."nameInitials",
        (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
      FROM jsonb_to_recordset(${json}::jsonb) AS ${cols}
      WHERE NOT EXISTS (SELECT 1 FROM "Customer" c WHERE c."erpId" = r."erpId")
      ON CONFLICT (code) DO UPDATE SET "erpId" = EXCLUDED."erpId", name = EXCLUDED.name, "nameKey" = EXCLUDED."nameKey", "nameBrand" = EXCLUDED."nameBrand",
        "namePinyin" = EXCLUDED."namePinyin", "nameInitials" = EXCLUDED."nameInitials", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "Customer"."erpId" IS NULL OR "Customer"."erpId" = EXCLUDED."erpId"`;
    return updated + inserted;
  });
}
