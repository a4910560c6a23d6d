import "server-only";
import type { Actor } from "../auth/actor";
import { requireSupplierUser } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Translate } from "../errors/translate-error";
import { streamWorkbook, wallClock } from "../files/xlsx-export";
import { parsePortalListQuery } from "./portal-lists.schema";
import { describeReceipts, portalReceiptWhere, RECEIPT_SELECT, RECEIPTS_NEWEST_FIRST, RECEIPT_FILTERS } from "./portal-receipts";

/** Beyond this many receipts an export is no longer a list to read: it stops and its last row says so. */
const EXPORT_LIMIT = 5_000;
const BATCH = 500;

/**
 * The signed-in supplier's receipts the list's filters select (status, q), one row per
 * receipt line (received, accepted, rejected), as an .xlsx workbook streamed by exceljs.
 * Rows are read before the first byte is written, so a failure is an error answer, not a
 * broken file. The supplier comes from the session actor only.
 */
export async function exportPortalReceipts(db: Db, who: Actor | null, params: Record<string, string>, { locale, t }: { locale: string; t: Translate }): Promise<ReadableStream<Uint8Array>> {
  const { supplierId } = requireSupplierUser(who);
  const q = parsePortalListQuery(params, RECEIPT_FILTERS);
  const where = portalReceiptWhere(supplierId, q);
  // Each batch is described as it comes (the rows as written, not the records read): a big
  // supplier's 5,000 receipts are not held twice.
  const receipts: Awaited<ReturnType<typeof describeReceipts>> = [];
  let truncated = false;
  let cursor: string | undefined;
  for (;;) {
    const take = Math.min(BATCH, EXPORT_LIMIT + 1 - receipts.length);
    const batch = await db.goodsReceipt.findMany({ where, orderBy: RECEIPTS_NEWEST_FIRST, take, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: RECEIPT_SELECT });
    truncated = receipts.length + batch.length > EXPORT_LIMIT;
    receipts.push(...(await describeReceipts(db, batch.slice(0, EXPORT_LIMIT - receipts.length))));
    if (batch.length < take || truncated) break;
    cursor = batch[batch.length - 1].id;
  }
  const zh = locale.startsWith("zh");

  const qty = { numFmt: "#,##0.####" };
  const columns = [
    { header: t("portalPages.receipts.number"), width: 18 },
    { header: t("portalPages.receipts.receivedAt"), width: 17, style: { numFmt: "yyyy-mm-dd hh:mm" } },
    { header: t("portalPages.receipts.order"), width: 18 },
    { header: t("portalPages.receipts.plan"), width: 22 },
    { header: t("portalPages.lines.lineNo"), width: 6 },
    { header: t("portalPages.lines.product"), width: 14 },
    { header: t("portalPages.lines.description"), width: 24 },
    { header: t("portalPages.lines.unit"), width: 8 },
    { header: t("portalPages.receipts.received"), width: 12, style: qty },
    { header: t("portalPages.receipts.accepted"), width: 12, style: qty },
    { header: t("portalPages.receipts.rejected"), width: 12, style: qty },
  ];
  return streamWorkbook({ sheet: t("portalPages.receipts.export.sheet"), columns, failure: "receipt export failed" }, async (addRow) => {
    for (const r of receipts) {
      for (const l of r.lines) {
        addRow([r.number, wallClock(r.receivedAt), r.order.number, r.planNumber ?? "", l.lineNo, l.productCode, l.description, zh ? l.unit.nameZh : l.unit.nameEn, l.received, l.accepted, l.rejected]);
      }
    }
    if (truncated) addRow([t("portalPages.receipts.export.truncated", { count: EXPORT_LIMIT })]);
  });
}
