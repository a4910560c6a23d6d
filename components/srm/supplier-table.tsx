import { useTranslations } from "next-intl";
import { CustomCells, useCustomColumns } from "@/components/admin/custom-fields-values";
import Link from "next/link";
import { ListTable, Td } from "@/components/ui/table";
import type { CustomFieldDef } from "@/lib/custom-fields/custom-fields.schema";
import type { listSuppliers } from "@/lib/srm/list-suppliers";
import { BlockedLine } from "@/components/certificates/certificate-badges";
import { SupplierStatusBadge } from "./srm-badges";

type Row = Awaited<ReturnType<typeof listSuppliers>>["rows"][number];

/**
 * The supplier archive's list, then the listed custom fields (`fields`); each name opens
 * the supplier's archive page. On a phone each supplier is a card.
 */
export function SupplierTable({ rows, fields }: { rows: (Row & { custom?: unknown })[]; fields: CustomFieldDef[] }) {
  const t = useTranslations("srm.suppliers");
  const columns = [{ label: t("code") }, { label: t("name") }, { label: t("status") }, { label: t("contact") }, { label: t("openOrders"), className: "text-right" }, { label: t("openDeliveries"), className: "text-right" }, { label: t("portalUsers"), className: "text-right" }, ...useCustomColumns(fields)];
  return (
    <ListTable testId="suppliers" columns={columns} empty={t("empty")} isEmpty={rows.length === 0} cards>
      {rows.map((r) => (
        <tr key={r.id} data-testid="supplier-row" data-code={r.code}>
          <Td className="whitespace-nowrap font-mono text-xs" label={t("code")}>
            <span data-testid="supplier-code">{r.code}</span>
          </Td>
          <Td className="min-w-48" label={t("name")}>
            <div data-testid="supplier-name">
              <Link href={`/srm/suppliers/${r.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t("open", { name: r.name })}>{r.name}</Link>
              {r.erpId ? <div className="text-xs text-slate-500">{t("erpLinked")}</div> : null}
            </div>
          </Td>
          <Td label={t("status")}>
            <div>
              <span data-testid="supplier-status"><SupplierStatusBadge status={r.status} /></span>
              {r.blockedAt ? <BlockedLine reason={r.blockedReason} /> : null}
            </div>
          </Td>
          <Td className="whitespace-nowrap text-xs" label={t("contact")}>
            <div>
              {r.contactName ?? "—"}
              {r.contactPhone ? <div className="text-slate-500">{r.contactPhone}</div> : null}
            </div>
          </Td>
          <Td className="text-right tabular-nums" label={t("openOrders")}>
            <span>{r.openOrders}</span>
          </Td>
          <Td className="text-right tabular-nums" label={t("openDeliveries")}>
            <span>{r.openDeliveries}</span>
          </Td>
          <Td className="text-right tabular-nums" label={t("portalUsers")}>
            <span>{r.portalUsers}</span>
          </Td>
          <CustomCells fields={fields} values={r.custom} />
        </tr>
      ))}
    </ListTable>
  );
}
