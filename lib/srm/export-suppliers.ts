import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { CustomFieldDef } from "../custom-fields/custom-fields.schema";
import { readCustomValues } from "../custom-fields/custom-values";
import { fieldLabel, formatCustomValue, type YesNo } from "../custom-fields/format-custom-values";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import type { Db } from "../db/client";
import type { Translate } from "../errors/translate-error";
import { logger } from "../log/logger";
import type { SrmListQuery } from "./srm-lists.schema";
import { supplierListWhere } from "./supplier-list-where";

const BATCH = 500;
/** A list beyond this is no longer a list to read: the export stops there (the last row says so). */
const EXPORT_LIMIT = 50_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const SELECT = { id: true, code: true, name: true, status: true, contactName: true, contactPhone: true, address: true, taxCode: true, paymentTermCode: true, custom: true } as const;

/** A custom value as an Excel cell: numbers and dates stay numbers and dates, the rest reads as on screen. */
function cellOf(field: CustomFieldDef, value: unknown, locale: string, words: YesNo): string | number | Date | null {
  if (value === undefined) return null;
  if (typeof value === "number") return value;
  const day = field.type === "date" && typeof value === "string" ? DAY.exec(value) : null;
  if (day) return new Date(Date.UTC(+day[1], +day[2] - 1, +day[3]));
  return formatCustomValue(field, value as string | boolean, locale, words);
}

/**
 * The supplier list with the current filters as an .xlsx workbook, streamed
 * while it is read in batches: the list's columns, then every active custom
 * field. Headers and values in the reader's language. For srm.view, checked
 * before anything is written.
 */
export async function exportSuppliers(db: Db, who: Actor | null, q: SrmListQuery, { locale, t }: { locale: string; t: Translate }): Promise<ReadableStream<Uint8Array>> {
  requirePermission(who, "srm.view");
  const where = await supplierListWhere(db, q);
  const fields = (await loadCustomFields(db, "supplier")).filter((f) => f.active);
  const words = { yes: t("common.yes"), no: t("common.no") };

  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(t("srm.tabs.suppliers"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("srm.suppliers.code"), key: "code", width: 12 },
    { header: t("srm.suppliers.name"), key: "name", width: 32 },
    { header: t("srm.suppliers.status"), key: "status", width: 10 },
    { header: t("srm.registration.contactName"), key: "contactName", width: 12 },
    { header: t("srm.registration.contactPhone"), key: "contactPhone", width: 16 },
    { header: t("srm.registration.taxCode"), key: "taxCode", width: 10 },
    { header: t("srm.registration.paymentTerm"), key: "paymentTermCode", width: 10 },
    { header: t("srm.registration.address"), key: "address", width: 32 },
    ...fields.map((f) => ({ header: fieldLabel(f, locale), key: `custom.${f.key}`, width: 16, style: f.type === "date" ? { numFmt: "yyyy-mm-dd" } : {} })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  void (async () => {
    try {
      let cursor: string | undefined;
      let written = 0;
      while (written < EXPORT_LIMIT) {
        const rows = await db.supplier.findMany({ where, orderBy: [{ code: "asc" }, { id: "asc" }], take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}), select: SELECT });
        for (const { id, custom, status, ...r } of rows) {
          const values = readCustomValues(custom);
          const cells = Object.fromEntries(fields.map((f) => [`custom.${f.key}`, cellOf(f, Object.hasOwn(values, f.key) ? values[f.key] : undefined, locale, words)]));
          sheet.addRow({ ...r, status: t(`srm.supplierStatus.${status}`), ...cells }).commit();
          cursor = id;
        }
        written += rows.length;
        if (rows.length < BATCH) break;
      }
      if (written >= EXPORT_LIMIT && (await db.supplier.count({ where })) > written) sheet.addRow([t("customFields.export.truncated", { count: EXPORT_LIMIT })]).commit();
      sheet.commit();
      await book.commit();
    } catch (e) {
      logger.error({ err: e }, "supplier export failed");
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
