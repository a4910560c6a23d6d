import { useFormatter, useTranslations } from "next-intl";
import { useDates } from "@/components/srm/order-formats";
import { ListTable, Td } from "@/components/ui/table";
import type { PortalDocumentRow } from "@/lib/srm/portal-documents";

/** The supplier's files (download links) and what each belongs to; cards on a phone. */
export function PortalDocumentTable({ rows }: { rows: PortalDocumentRow[] }) {
  const t = useTranslations("portalPages.documents");
  const format = useFormatter();
  const { when } = useDates();
  const columns = [{ label: t("name") }, { label: t("belongsTo") }, { label: t("size") }, { label: t("uploadedAt") }];
  return (
    <ListTable testId="portal-documents" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((f) => (
        <tr key={f.id} data-testid="portal-document-row">
          <Td className="max-md:font-semibold">
            <a href={`/api/files/${f.id}`} download={f.name} className="break-all text-emerald-800 hover:underline" data-testid="portal-document-name">{f.name}</a>
          </Td>
          <Td className="text-xs" label={t("belongsTo")}>
            <span className="break-words">{f.process ? `${f.process.processName}${f.process.businessKey ? ` · ${f.process.businessKey}` : ""}` : t("company")}</span>
          </Td>
          <Td className="whitespace-nowrap text-xs tabular-nums" label={t("size")}>
            <span>{format.number(f.size / 1024, { maximumFractionDigits: 1 })} KB</span>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("uploadedAt")}>
            <span>{when(f.createdAt)}</span>
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
