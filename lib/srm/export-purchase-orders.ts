import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { customCells, customColumn } from "../custom-fields/custom-cells";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import type { Db } from "../db/client";
import type { Translate } from "../errors/translate-error";
import { inBatches, streamWorkbook, wallClockDay } from "../files/xlsx-export";
import { purchaseOrderWhere } from "./purchasing-where";
import type { SrmListQuery } from "./srm-lists.schema";
import { unitLabels } from "./unit-labels";

/** Beyond this many rows (order lines) an export is no longer a list to read: it stops there and its last row says so. */
const EXPORT_LIMIT = 50_000;
const BATCH = 200;
const DAY = { numFmt: "yyyy-mm-dd" };
const QTY = { numFmt: "#,##0.####" };

const SELECT = {
  id: true,
  number: true,
  status: true,
  orderDate: true,
  custom: true,
  supplier: { select: { code: true, name: true } },
  lines: {
    orderBy: { lineNo: "asc" },
    select: { lineNo: true, productCode: true, description: true, unitCode: true, quantity: true, confirmedQuantity: true, receivedQuantity: true, rejectedQuantity: true, requestedDate: true, confirmedDate: true },
  },
} as const;

const n = (d: { toString(): string } | null) => (d === null ? null : Number(d));

/**
 * The purchase-order list with its current filters (status, q, cf_<key>) as an .xlsx
 * workbook, one row per order line, newest order first, then every active custom field of
 * the order. Headers, statuses and units in the reader's language; dates as Shanghai days.
 * Orders are read in batches by a cursor and written as they come. For srm.view, checked
 * before anything is read.
 */
export async function exportPurchaseOrders(db: Db, who: Actor | null, q: SrmListQuery, { locale, t }: { locale: string; t: Translate }): Promise<ReadableStream<Uint8Array>> {
  requirePermission(who, "srm.view");
  const where = await purchaseOrderWhere(db, q);
  const fields = (await loadCustomFields(db, "purchase_order")).filter((f) => f.active);
  const words = { yes: t("common.yes"), no: t("common.no") };
  const zh = locale.startsWith("zh");
  const c = (key: string) => t(`exports.columns.${key}`);
  const columns = [
    { header: c("orderNumber"), key: "number", width: 18 },
    { header: c("supplierCode"), key: "supplierCode", width: 10 },
    { header: c("supplierName"), key: "supplierName", width: 28 },
    { header: c("status"), key: "status", width: 12 },
    { header: c("orderDate"), key: "orderDate", width: 12, style: DAY },
    { header: c("lineNo"), key: "lineNo", width: 6 },
    { header: c("productCode"), key: "productCode", width: 14 },
    { header: c("productName"), key: "productName", width: 24 },
    { header: c("unit"), key: "unit", width: 8 },
    { header: c("ordered"), key: "ordered", width: 12, style: QTY },
    { header: c("confirmed"), key: "confirmed", width: 12, style: QTY },
    { header: c("received"), key: "received", width: 12, style: QTY },
    { header: c("rejected"), key: "rejected", width: 12, style: QTY },
    { header: c("requestedDate"), key: "requestedDate", width: 12, style: DAY },
    { header: c("confirmedDate"), key: "confirmedDate", width: 12, style: DAY },
    ...fields.map((f) => customColumn(f, locale)),
  ];
  const spec = { sheet: t("exports.orders.sheet"), columns, failure: "purchase order export failed", limit: { rows: EXPORT_LIMIT, note: t("exports.truncated", { count: EXPORT_LIMIT }) } };

  return streamWorkbook(spec, async (addRow) => {
    const orders = inBatches((page) => db.purchaseOrder.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: SELECT, ...page }), BATCH);
    for await (const batch of orders) {
      const unit = await unitLabels(db, batch.flatMap((o) => o.lines.map((l) => l.unitCode)));
      for (const o of batch) {
        const order = { number: o.number, supplierCode: o.supplier.code, supplierName: o.supplier.name, status: t(`srm.orderStatus.${o.status}`), orderDate: wallClockDay(o.orderDate), ...customCells(fields, o.custom, locale, words) };
        for (const l of o.lines) {
          const u = unit(l.unitCode);
          const row = {
            ...order,
            lineNo: l.lineNo,
            productCode: l.productCode,
            productName: l.description,
            unit: zh ? u.nameZh : u.nameEn,
            ordered: n(l.quantity),
            confirmed: n(l.confirmedQuantity),
            received: n(l.receivedQuantity),
            rejected: n(l.rejectedQuantity),
            requestedDate: wallClockDay(l.requestedDate),
            confirmedDate: wallClockDay(l.confirmedDate),
          };
          if (!addRow(row)) return;
        }
      }
    }
  });
}
