import { useLocale, useTranslations } from "next-intl";
import { ListTable, Td } from "@/components/ui/table";
import type { SupplierDocumentRow } from "@/lib/srm/certificates/list-supplier-documents";
import { DaysLeft, DocumentStatusBadge } from "./certificate-badges";

/** A supplier's documents: type, number, validity, status (with a rejection's reason), days left, the file; cards on a phone. */
export function SupplierDocumentsTable({ rows }: { rows: SupplierDocumentRow[] }) {
  const t = useTranslations("certificates.table");
  const en = useLocale().startsWith("en");
  const validity = (d: SupplierDocumentRow) =>
    d.validUntil ? (d.validFrom ? t("from", { from: d.validFrom, until: d.validUntil }) : t("until", { until: d.validUntil })) : t("open");
  const columns = [{ label: t("type") }, { label: t("number") }, { label: t("validity") }, { label: t("status") }, { label: t("daysLeft") }, { label: t("file") }];
  return (
    <ListTable testId="supplier-documents" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((d) => (
        <tr key={d.id} data-testid="supplier-document-row" data-status={d.status}>
          <Td className="max-md:font-semibold"><span>{en ? d.type.nameEn : d.type.nameZh}</span></Td>
          <Td className="text-xs" label={t("number")}><span className="break-all">{d.number}</span></Td>
          <Td className="whitespace-nowrap text-xs tabular-nums" label={t("validity")}><span>{validity(d)}</span></Td>
          <Td className="text-xs" label={t("status")}>
            <span className="space-y-1">
              <DocumentStatusBadge status={d.status} />
              {d.status === "rejected" && d.rejectReason ? <span className="block text-red-700" data-testid="reject-reason">{t("reason", { reason: d.rejectReason })}</span> : null}
            </span>
          </Td>
          <Td className="text-xs" label={t("daysLeft")}><DaysLeft days={d.daysLeft} validUntil={d.validUntil} /></Td>
          <Td className="text-xs" label={t("file")}>
            {d.file ? <a href={`/api/files/${d.file.id}`} download={d.file.name} className="break-all text-brand-700 hover:underline">{d.file.name}</a> : <span>{t("noFile")}</span>}
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
