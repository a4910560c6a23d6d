import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import type { Translate } from "../../errors/translate-error";
import { inBatches, streamWorkbook, wallClockDay } from "../../files/xlsx-export";
import { unitLabels } from "../unit-labels";
import { receiptWhere } from "./list-receipts";
import type { ReceiptQuery } from "./receipts.schema";

/** Beyond this many rows (receipt lines) an export is no longer a list to read: it stops there and its last row says so. */
const EXPORT_LIMIT = 50_000;
const BATCH = 200;
const QTY = { numFmt: "#,##0.####" };

const SELECT = {
  id: true,
  number: true,
  receivedAt: true,
  erpId: true,
  order: { select: { number: true, supplier: { select: { code: true, name: true } } } },
  deliveryPlan: { select: { number: true } },
  lines: {
    select: {
      lotNumber: true,
      acceptedQuantity: true,
      rejectedQuantity: true,
      locationCode: true,
      binCode: true,
      orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } },
      shipmentLot: { select: { countedQuantity: true } },
    },
  },
} as const;

/** Location and bin codes as their master-data names (a code without one stays a code). */
async function placeNames(db: Db, lines: { locationCode: string | null; binCode: string | null }[]) {
  const codes = (k: "locationCode" | "binCode") => [...new Set(lines.flatMap((l) => (l[k] ? [l[k]] : [])))];
  const rows = await db.masterData.findMany({ where: { OR: [{ kind: "location", code: { in: codes("locationCode") } }, { kind: "bin", code: { in: codes("binCode") } }] }, select: { kind: true, code: true, name: true } });
  const names = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r.name]));
  return (kind: "location" | "bin", code: string | null) => (code ? (names.get(`${kind}:${code}`) ?? code) : "");
}

/**
 * The receipt library with its current filters (supplier, order, number, days) as an
 * .xlsx workbook, one row per receipt line (per lot when the delivery came with lots),
 * newest receipt first: receipt, day (Shanghai), order, plan, supplier, item, lot,
 * counted / accepted / rejected, location and bin by name, ERP posted or not. Receipts
 * are read in batches by a cursor and written as they come. For srm.view, checked first.
 */
export async function exportReceipts(db: Db, who: Actor | null, q: ReceiptQuery, { locale, t }: { locale: string; t: Translate }): Promise<ReadableStream<Uint8Array>> {
  requirePermission(who, "srm.view");
  const where = receiptWhere(q);
  const zh = locale.startsWith("zh");
  const c = (key: string) => t(`exports.columns.${key}`);
  const columns = [
    { header: c("receiptNumber"), width: 18 },
    { header: c("receivedDate"), width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: c("orderNumber"), width: 18 },
    { header: c("planNumber"), width: 22 },
    { header: c("supplierCode"), width: 10 },
    { header: c("supplierName"), width: 28 },
    { header: c("lineNo"), width: 6 },
    { header: c("productCode"), width: 14 },
    { header: c("productName"), width: 24 },
    { header: c("lot"), width: 14 },
    { header: c("counted"), width: 12, style: QTY },
    { header: c("accepted"), width: 12, style: QTY },
    { header: c("rejected"), width: 12, style: QTY },
    { header: c("unit"), width: 8 },
    { header: c("location"), width: 16 },
    { header: c("bin"), width: 16 },
    { header: c("erp"), width: 10 },
  ];
  const spec = { sheet: t("exports.receipts.sheet"), columns, failure: "receipt export failed", limit: { rows: EXPORT_LIMIT, note: t("exports.truncated", { count: EXPORT_LIMIT }) } };

  return streamWorkbook(spec, async (addRow) => {
    const receipts = inBatches((page) => db.goodsReceipt.findMany({ where, orderBy: [{ receivedAt: "desc" }, { id: "asc" }], select: SELECT, ...page }), BATCH);
    for await (const batch of receipts) {
      const lines = batch.flatMap((r) => r.lines);
      const [unit, place] = await Promise.all([unitLabels(db, lines.map((l) => l.orderLine.unitCode)), placeNames(db, lines)]);
      for (const r of batch) {
        const sorted = [...r.lines].sort((a, b) => a.orderLine.lineNo - b.orderLine.lineNo || (a.lotNumber ?? "").localeCompare(b.lotNumber ?? ""));
        for (const l of sorted) {
          const u = unit(l.orderLine.unitCode);
          const accepted = Number(l.acceptedQuantity);
          const rejected = Number(l.rejectedQuantity);
          const counted = l.shipmentLot?.countedQuantity != null ? Number(l.shipmentLot.countedQuantity) : accepted + rejected;
          const row = [
            r.number,
            wallClockDay(r.receivedAt),
            r.order.number,
            r.deliveryPlan?.number ?? "",
            r.order.supplier.code,
            r.order.supplier.name,
            l.orderLine.lineNo,
            l.orderLine.productCode,
            l.orderLine.description,
            l.lotNumber ?? "",
            counted,
            accepted,
            rejected,
            zh ? u.nameZh : u.nameEn,
            place("location", l.locationCode),
            place("bin", l.binCode),
            c(r.erpId ? "posted" : "notPosted"),
          ];
          if (!addRow(row)) return;
        }
      }
    }
  });
}
