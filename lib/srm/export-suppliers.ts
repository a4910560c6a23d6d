import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { customCells, customColumn } from "../custom-fields/custom-cells";
import { loadCustomFields } from "../custom-fields/list-custom-fields";
import type { Db } from "../db/client";
import type { Translate } from "../errors/translate-error";
import { inBatches, streamWorkbook } from "../files/xlsx-export";
import type { SrmListQuery } from "./srm-lists.schema";
import { supplierListWhere } from "./supplier-list-where";

/** A list beyond this is no longer a list to read: the export stops there (the last row says so). */
const EXPORT_LIMIT = 50_000;

const SELECT = { id: true, code: true, name: true, status: true, contactName: true, contactPhone: true, address: true, taxCode: true, paymentTermCode: true, custom: true } as const;

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

  const columns = [
    { header: t("srm.suppliers.code"), key: "code", width: 12 },
    { header: t("srm.suppliers.name"), key: "name", width: 32 },
    { header: t("srm.suppliers.status"), key: "status", width: 10 },
    { header: t("srm.registration.contactName"), key: "contactName", width: 12 },
    { header: t("srm.registration.contactPhone"), key: "contactPhone", width: 16 },
    { header: t("srm.registration.taxCode"), key: "taxCode", width: 10 },
    { header: t("srm.registration.paymentTerm"), key: "paymentTermCode", width: 10 },
    { header: t("srm.registration.address"), key: "address", width: 32 },
    ...fields.map((f) => customColumn(f, locale)),
  ];

  const spec = { sheet: t("srm.tabs.suppliers"), columns, failure: "supplier export failed", limit: { rows: EXPORT_LIMIT, note: t("customFields.export.truncated", { count: EXPORT_LIMIT }) } };
  return streamWorkbook(spec, async (addRow) => {
    for await (const rows of inBatches((page) => db.supplier.findMany({ where, orderBy: [{ code: "asc" }, { id: "asc" }], select: SELECT, ...page }))) {
      for (const { id: _id, custom, status, ...r } of rows) {
        if (!addRow({ ...r, status: t(`srm.supplierStatus.${status}`), ...customCells(fields, custom, locale, words) })) return;
      }
    }
  });
}
