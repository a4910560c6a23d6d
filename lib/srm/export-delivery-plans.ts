import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Translate } from "../errors/translate-error";
import { inBatches, streamWorkbook, wallClockDay } from "../files/xlsx-export";
import { deliveryPlanWhere } from "./purchasing-where";
import type { SrmListQuery } from "./srm-lists.schema";
import { unitLabels } from "./unit-labels";

/** Beyond this many rows (plan lines) an export is no longer a list to read: it stops there and its last row says so. */
const EXPORT_LIMIT = 50_000;
const BATCH = 200;
const DAY = { numFmt: "yyyy-mm-dd" };

const SELECT = {
  id: true,
  number: true,
  status: true,
  plannedDate: true,
  shippedAt: true,
  waybillNo: true,
  order: { select: { number: true } },
  supplier: { select: { code: true, name: true } },
  lines: {
    select: {
      quantity: true,
      plannedDate: true,
      orderLine: { select: { lineNo: true, productCode: true, description: true, unitCode: true } },
      lots: { orderBy: { position: "asc" }, select: { lotNumber: true, shippedQuantity: true } },
    },
  },
} as const;

/**
 * The delivery-plan list with its current filters (status, q) as an .xlsx workbook, one
 * row per plan line in order-line order, newest plan first: plan, order, supplier, status
 * in words, planned and shipped day (Shanghai), waybill, item, planned quantity and unit,
 * the shipped lots. Plans are read in batches by a cursor and written as they come.
 * For srm.view, checked before anything is read.
 */
export async function exportDeliveryPlans(db: Db, who: Actor | null, q: SrmListQuery, { locale, t }: { locale: string; t: Translate }): Promise<ReadableStream<Uint8Array>> {
  requirePermission(who, "srm.view");
  const where = deliveryPlanWhere(q);
  const zh = locale.startsWith("zh");
  const c = (key: string) => t(`exports.columns.${key}`);
  const columns = [
    { header: c("planNumber"), width: 22 },
    { header: c("orderNumber"), width: 18 },
    { header: c("supplierCode"), width: 10 },
    { header: c("supplierName"), width: 28 },
    { header: c("status"), width: 10 },
    { header: c("plannedDate"), width: 12, style: DAY },
    { header: c("shippedDate"), width: 12, style: DAY },
    { header: c("waybill"), width: 16 },
    { header: c("lineNo"), width: 6 },
    { header: c("productCode"), width: 14 },
    { header: c("productName"), width: 24 },
    { header: c("planned"), width: 12, style: { numFmt: "#,##0.####" } },
    { header: c("unit"), width: 8 },
    { header: c("lots"), width: 28 },
  ];
  const spec = { sheet: t("exports.plans.sheet"), columns, failure: "delivery plan export failed", limit: { rows: EXPORT_LIMIT, note: t("exports.truncated", { count: EXPORT_LIMIT }) } };

  return streamWorkbook(spec, async (addRow) => {
    const plans = inBatches((page) => db.deliveryPlan.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: SELECT, ...page }), BATCH);
    for await (const batch of plans) {
      const unit = await unitLabels(db, batch.flatMap((p) => p.lines.map((l) => l.orderLine.unitCode)));
      for (const p of batch) {
        for (const l of [...p.lines].sort((a, b) => a.orderLine.lineNo - b.orderLine.lineNo)) {
          const u = unit(l.orderLine.unitCode);
          const lots = l.lots.map((x) => `${x.lotNumber} ${Number(x.shippedQuantity)}`).join(zh ? "、" : ", ");
          const row = [
            p.number,
            p.order.number,
            p.supplier.code,
            p.supplier.name,
            t(`srm.planStatus.${p.status}`),
            wallClockDay(l.plannedDate ?? p.plannedDate),
            wallClockDay(p.shippedAt),
            p.waybillNo ?? "",
            l.orderLine.lineNo,
            l.orderLine.productCode,
            l.orderLine.description,
            Number(l.quantity),
            zh ? u.nameZh : u.nameEn,
            lots,
          ];
          if (!addRow(row)) return;
        }
      }
    }
  });
}
