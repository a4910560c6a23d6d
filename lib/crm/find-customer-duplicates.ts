import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { duplicateScore, LIKELY_DUPLICATE, parseCompanyName, type DuplicateReason } from "../names/company-name";
import { normaliseCreditCode } from "../names/credit-code";
import { visibleCustomersWhere } from "./customer-scope";

/** Shown from this score on (similar names too); likely duplicates start at LIKELY_DUPLICATE. */
const SHOWN = 0.45;
const CANDIDATES = 20;

/** `likely`: a likely duplicate (score from LIKELY_DUPLICATE): creating the customer anyway needs a reason. */
export type CustomerDuplicate = { id: string; code: string; name: string; ownerName: string | null; score: number; reason: DuplicateReason; likely: boolean; visible: boolean };

/**
 * Customers that may be the one being entered (CRM-1), among all customers, not only
 * those the user sees (a rep must not create another team's customer again): the same
 * credit code, then names by trigram similarity of their normalised form (pg_trgm,
 * index on nameKey), the same trade name or its pinyin; each scored and explained by
 * lib/names/company-name.ts; merged-away customers are no candidates. Customers the user may not open are named with their owner only.
 */
export async function findCustomerDuplicates(db: Db | Tx, who: Actor | null, q: { name: string; creditCode?: string | null; excludeId?: string }, take = 5): Promise<CustomerDuplicate[]> {
  requirePermission(who, "crm.view");
  const name = q.name.trim().slice(0, 100);
  const code = q.creditCode ? normaliseCreditCode(q.creditCode) : "";
  const parsed = parseCompanyName(name);
  if (parsed.key.length < 2 && !code) return [];
  const brand = parsed.brand.length >= 2 ? parsed.brand : "";
  const pinyin = parsed.brandPinyin.length >= 4 ? parsed.brandPinyin : "";
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      (SELECT id FROM "Customer" WHERE "mergedIntoId" IS NULL AND "nameKey" % ${parsed.key} ORDER BY similarity("nameKey", ${parsed.key}) DESC LIMIT ${CANDIDATES})
      UNION (SELECT id FROM "Customer" WHERE "mergedIntoId" IS NULL AND ${brand} <> '' AND "nameBrand" = ${brand} LIMIT ${CANDIDATES})
      UNION (SELECT id FROM "Customer" WHERE "mergedIntoId" IS NULL AND ${pinyin} <> '' AND "namePinyin" = ${pinyin} LIMIT ${CANDIDATES})
      UNION (SELECT id FROM "Customer" WHERE "mergedIntoId" IS NULL AND ${code} <> '' AND "creditCode" = ${code})
    ) AS c`;
  const found = ids.filter((r) => r.id !== q.excludeId).map((r) => r.id);
  if (!found.length) return [];
  const [rows, visible] = await Promise.all([
    db.customer.findMany({ where: { id: { in: found } }, select: { id: true, code: true, name: true, creditCode: true, owner: { select: { name: true } } } }),
    visibleCustomersWhere(db, who).then((where) => db.customer.findMany({ where: { AND: [{ id: { in: found } }, where] }, select: { id: true } })),
  ]);
  const canOpen = new Set(visible.map((v) => v.id));
  return rows
    .map((c) => {
      const match = code && c.creditCode === code ? { score: 1, reason: "credit_code" as const } : duplicateScore(parsed, parseCompanyName(c.name));
      return match && match.score >= SHOWN ? { id: c.id, code: c.code, name: c.name, ownerName: c.owner?.name ?? null, ...match, likely: match.score >= LIKELY_DUPLICATE, visible: canOpen.has(c.id) } : null;
    })
    .filter((d): d is CustomerDuplicate => d !== null)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, take);
}
