import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Translate } from "../../errors/translate-error";
import { streamWorkbook } from "../../files/xlsx-export";
import { ownerNames, opportunityListWhere, OPPORTUNITY_ROW_SELECT } from "./list-opportunities";
import type { OpportunityListQuery } from "./opportunity-lists.schema";

/** Beyond this many opportunities an export stops and its last row says so. */
const EXPORT_LIMIT = 5_000;

/**
 * The opportunities the list's filters select, as the employee sees them, one row per
 * opportunity, as an .xlsx workbook with headers in the reader's language. Rows are read
 * before the first byte is written, so a failure is an error answer, not a broken file.
 */
export async function exportOpportunities(db: Db, who: Actor | null, q: OpportunityListQuery, { t }: { t: Translate }): Promise<ReadableStream<Uint8Array>> {
  const actor = requirePermission(who, "crm.view");
  const where = await opportunityListWhere(db, actor, q);
  const rows = await db.opportunity.findMany({ where, orderBy: [{ expectedCloseDate: { sort: "asc", nulls: "last" } }, { code: "desc" }], take: EXPORT_LIMIT + 1, select: { ...OPPORTUNITY_ROW_SELECT, createdAt: true, _count: { select: { lines: true } } } });
  const names = await ownerNames(db, rows.map((r) => r.ownerId));
  const columns = [
    { header: t("opportunities.list.code"), width: 12 },
    { header: t("opportunities.list.name"), width: 30 },
    { header: t("opportunities.list.customer"), width: 30 },
    { header: t("opportunities.list.stage"), width: 12 },
    { header: t("opportunities.list.probability"), width: 10, style: { numFmt: "0\"%\"" } },
    { header: t("opportunities.list.amount"), width: 16, style: { numFmt: "#,##0.00" } },
    { header: t("opportunities.list.currency"), width: 8 },
    { header: t("opportunities.list.expectedClose"), width: 14, style: { numFmt: "yyyy-mm-dd" } },
    { header: t("opportunities.list.owner"), width: 10 },
    { header: t("opportunities.list.lines"), width: 8 },
  ];
  return streamWorkbook({ sheet: t("opportunities.export.sheet"), columns, failure: "opportunity export failed", limit: { rows: EXPORT_LIMIT, note: t("opportunities.export.truncated", { count: EXPORT_LIMIT }) } }, async (addRow) => {
    for (const r of rows) {
      addRow([r.code, r.name, r.customer.name, t(`opportunities.stages.${r.stage}`), r.probability, Number(r.amount), r.currencyCode, r.expectedCloseDate, names.get(r.ownerId) ?? "", r._count.lines]);
    }
  });
}
